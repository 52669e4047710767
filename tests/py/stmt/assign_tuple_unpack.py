# Tuple and list unpacking on the left-hand side.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d) = [3, 4]
[e, f] = (5, 6)
print(c, d, e, f)
g, = [7]
print(g)
x, y, z = "xyz"
print(x, y, z)
k, v = {"key": 1}.popitem()
print(k, v)
