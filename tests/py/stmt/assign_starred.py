# Starred targets in unpacking.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
a, *middle, z = "abcdef"
print(a, middle, z)
a, *empty, z = [1, 2]
print(a, empty, z)
(x, *ys), w = [1, 2, 3], 4
print(x, ys, w)
*everything, = (1, 2)
print(everything)
