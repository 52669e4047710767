# Ordering of ints, including big ones and mixed signs.
vals = [3, -2 ** 70, 0, 2 ** 65, -1, 2 ** 65 + 1]
print(sorted(vals))
print(max(vals) - min(vals))
print(2 ** 65 < 2 ** 65 + 1 < 2 ** 66)
print(-2 ** 70 < -2 ** 69)
print(10 ** 20 == 10 ** 20, 10 ** 20 != 10 ** 20 + 1)
