# repr() of built-in values.
values = [1, -1.5, "s", "it's", b"b", None, True, [1, "a"], (1,), {"k": None}, {1}, frozenset(), range(2), slice(1), ...]
for v in values:
    print(repr(v))
print(repr(len), repr(int))
