# Union, intersection, difference and symmetric difference.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([7, 8]), a.intersection(range(3)))
try:
    a | [1]
except TypeError as e:
    print(type(e).__name__, e)
