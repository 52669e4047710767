# keys, values and items views and their reprs.
d = {1: "a", 2: "b"}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
d[3] = "c"
print(k, v, i)
print(len(k), 2 in k, "a" in v, (1, "a") in i)
print(list(k), list(v), list(i))
print(type(k).__name__, type(v).__name__, type(i).__name__)
