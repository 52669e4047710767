# update, copy and clear.
d = {"a": 1}
d.update({"b": 2})
d.update([("c", 3)])
d.update(d=4, a=0)
print(d)
e = d.copy()
e["z"] = 26
print(len(d), len(e), "z" in d)
nested = {"list": [1]}
shallow = nested.copy()
shallow["list"].append(2)
print(nested)
d.clear()
print(d, e)
