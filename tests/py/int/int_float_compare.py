# Comparisons between ints and floats are exact.
print(1 == 1.0, 1 < 1.5, 2 > 1.9999)
print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53)
print(2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > float("inf"), -10 ** 400 < float("-inf"))
print(0 == -0.0, 1 == float("nan"))
print(max(1, 1.0), max(1.0, 1), min(2, 2.0))
print(3 == 3.0000000000000001)
