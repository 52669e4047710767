# Comparisons and sorting of floats.
vals = [3.5, -1.0, 2, 0.0, -0.0, 1e-9, float("inf")]
print(sorted(vals))
print(max(vals), min(vals))
print(0.1 + 0.2 > 0.3, 1.0 == 1, 0.5 < 1 < 1.5)
print(abs(-2.5), abs(-0.0), abs(float("-inf")))
print(float("inf") == float("inf"), -0.0 < 0.0)
