# Creating dicts and accessing items.
d = {"a": 1, "b": 2}
print(d, len(d), d["a"])
print({}, dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]))
print(dict(zip("abc", range(3))))
print(dict({"k": 1}, extra=2))
d["c"] = 3
d["a"] = 100
print(d)
