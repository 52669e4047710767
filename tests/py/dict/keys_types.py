# Keys of various hashable types; equal numbers are the same key.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d)
d[(1, 2)] = "tuple"
d[None] = "none"
d["1"] = "str"
print(d, len(d))
print({0: "a", 0.0: "b", False: "c"})
