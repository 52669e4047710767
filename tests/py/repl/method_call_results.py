# mode: both
# Method calls that return None display nothing; others display their result.
lst = [3, 1, 2]
lst.append(0)
lst.sort()
lst
lst.pop()
lst.index(2)
"a,b".split(",")
d = {}
d.setdefault("k", [])
d.get("missing")
print(lst, d)
