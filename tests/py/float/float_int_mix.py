# Mixed int/float arithmetic promotes to float.
print(1 + 1.0, 3 * 1.5, 10 - 0.5, 9 / 3, 9 // 2.0)
print(2 ** 0.5, 2.0 ** 2, 10 % 3.0)
print(sum([1, 2.5, 3]), sum([0.5, 0.5]))
print(10 ** 20 + 0.0, 2 ** 63 * 1.0)
print(divmod(7, 2.0), pow(2, 3.0), pow(2.0, -1))
try:
    2 ** 2000 * 1.0
except OverflowError as e:
    print(type(e).__name__, e)
