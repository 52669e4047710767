# mode: both
# Empty frozensets are separate objects in 3.11; empty lists and dicts too.
a = frozenset()
b = frozenset()
print(a is b, a == b)
c = {}
d = {}
print(c is d)
