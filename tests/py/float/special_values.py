# inf, nan and negative zero.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, -0.0, 0.0)
print(inf + 1, inf - inf, inf * 0, -inf < 0 < inf)
print(nan == nan, nan != nan, nan < 1, nan > 1)
print(float("-inf"), float("Infinity"), float("-NaN"), float("INF"))
print(-0.0 == 0.0, repr(-0.0), str(0.0 * -1))
print(1e308 * 10, -1e308 * 10)
