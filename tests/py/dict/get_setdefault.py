# get and setdefault.
d = {"a": 1}
print(d.get("a"), d.get("b"), d.get("b", "default"))
print(d.setdefault("a", 99), d.setdefault("b", 2), d.setdefault("c"))
print(d)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
