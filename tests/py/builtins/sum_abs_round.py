# sum with start, abs, round, divmod and pow.
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([]), sum([0.5, 0.25]))
print(sum([[1], [2]], []), sum(range(101)))
print(abs(-3), abs(3.5), abs(-0.0), abs(True))
print(round(2.5), round(3.5), round(2.567, 2), round(-2.5), round(7, -1))
print(divmod(17, 5), divmod(-17, 5), divmod(7.5, 2))
print(pow(2, 8), pow(2, -1), pow(2, 8, 5), pow(2.0, 3))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
