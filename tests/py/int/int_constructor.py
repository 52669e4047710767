# int() from floats, bools, strings and with no arguments.
print(int(), int(3.99), int(-3.99), int(True))
print(int("  12 "), int("-0"), int(1e20))
print(int(2.5e30))
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
try:
    int([1])
except TypeError as e:
    print(type(e).__name__, e)
