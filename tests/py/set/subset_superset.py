# Subset and superset relations.
a = {1, 2}
b = {1, 2, 3}
print(a <= b, a < b, b >= a, b > a, a < a, a <= a)
print(a.issubset(b), b.issuperset(a), a.issubset([1, 2]), a.isdisjoint({3, 4}))
print({1} < {2}, {1} > {2}, set() <= a)
print(a == {2, 1}, a != b)
