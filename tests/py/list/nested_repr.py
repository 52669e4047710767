# repr of nested and self-containing lists.
a = [1, [2, [3, [4]]], "s", ("t",), {"d": [5]}]
print(a)
b = [1, 2]
b.append(b)
print(b)
c = []
d = [c]
c.append(d)
print(c, d)
print(repr([]), repr([[]]), repr(["'"]))
