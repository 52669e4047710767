# Tuples are hashable when their items are.
d = {(1, 2): "a", (1, (2, 3)): "b"}
print(d[(1, 2)], d[1, (2, 3)])
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
s = {(0, 0), (0, 0), (1, 0)}
print(len(s))
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
