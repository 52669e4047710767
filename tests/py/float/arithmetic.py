# Basic float arithmetic.
print(1.5 + 2.25, 1.5 - 2.25, 1.5 * 2.25, 1.5 / 2.25)
print(2.0 ** 10, 2.0 ** 0.5, (-8.0) ** 2, 4 ** 0.5)
print(7 / 2, 7.0 / 2, -7 / 2, 1 / 8)
print(0.1 * 3, 0.1 + 0.1 + 0.1, 1.1 * 1.1)
print(3 + 0.5, 3 * 0.5, type(3 + 0.0).__name__)
print(1e300 * 1e300, 1e-300 * 1e-300)
try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__)
