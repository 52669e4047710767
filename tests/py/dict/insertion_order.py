# Dicts keep insertion order; updating a key keeps its position.
d = {}
for k in ["zebra", "apple", "mango", "kiwi"]:
    d[k] = len(k)
print(d)
d["apple"] = 0
print(list(d))
del d["zebra"]
d["zebra"] = 1
print(list(d))
print({3: "c", 1: "a", 2: "b"})
