# dict.fromkeys and the shared default value.
print(dict.fromkeys("abc"))
print(dict.fromkeys(["x", "y"], 0))
d = dict.fromkeys(range(3), [])
d[0].append("shared")
print(d)
print(dict.fromkeys([]))
