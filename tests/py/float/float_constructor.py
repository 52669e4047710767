# float() from strings, ints and with no arguments.
print(float(), float(3), float(-0), float(True))
print(float("3.5"), float("  -1e3 "), float("1_000.5"), float(".5"), float("5."))
print(float("inf"), float("-infinity"), float("nan"))
print(float(2 ** 60), float(10 ** 30))
try:
    float("1.2.3")
except ValueError as e:
    print(type(e).__name__, e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
