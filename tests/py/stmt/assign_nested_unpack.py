# Nested unpacking targets.
(a, b), c = (1, 2), 3
print(a, b, c)
a, (b, (c, d)) = 1, (2, (3, 4))
print(a, b, c, d)
for (i, j), k in [((1, 2), 3), ((4, 5), 6)]:
    print(i, j, k)
[p, [q, r]] = "a", "bc"
print(p, q, r)
