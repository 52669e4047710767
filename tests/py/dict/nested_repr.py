# repr of nested and self-containing dicts.
d = {"list": [1, 2], "dict": {"x": None}, "tuple": (1,), 1: "int", 2.5: "float", None: True}
print(d)
s = {}
s["self"] = s
print(s)
a = {"b": None}
b = {"a": a}
a["b"] = b
print(a)
print(repr({"'": '"'}))
