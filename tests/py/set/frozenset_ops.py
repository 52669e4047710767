# frozenset is immutable and hashable.
f = frozenset([3, 1, 2])
print(f, len(f), 2 in f)
print(f | {9}, sorted({9} | f), f & {1, 5})
print(type(f | {9}).__name__, type({9} | f).__name__)
d = {f: "frozen key"}
print(d[frozenset({1, 2, 3})])
print(frozenset([1, 2]) == {1, 2}, hash(frozenset()) == hash(frozenset()))
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
