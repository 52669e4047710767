# Integer ** negative integer gives a float.
print(2 ** -1, 2 ** -2, 10 ** -3)
print((-2) ** -1, (-2) ** 2, -2 ** 2)
print(0 ** 0, 1 ** -5)
print(type(2 ** -1).__name__, type(2 ** 3).__name__)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
