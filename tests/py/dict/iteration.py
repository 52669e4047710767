# Iterating over dicts.
d = {"one": 1, "two": 2, "three": 3}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "->", v)
print(sum(d.values()), sorted(d), max(d, key=d.get))
