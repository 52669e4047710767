# Values are stored by reference.
shared = [1]
d = {"a": shared, "b": shared}
d["a"].append(2)
print(d, d["a"] is d["b"])
d["a"] = [0]
print(d, shared)
