# bytes are hashable and sort lexicographically.
items = [b"b", b"a", b"ab", b"", b"\xff"]
print(sorted(items))
d = {b"key": 1}
print(d[b"key"], b"key" in d)
print(hash(b"abc") == hash(b"abc"), len({b"x", b"x", b"y"}))
print(max(items), min(items))
