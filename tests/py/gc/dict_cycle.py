# mode: both
# Two dicts referring to each other, and a dict cycle through a list.
import gc

ignored = gc.collect()
a = {"name": "a"}
b = {"name": "b"}
a["peer"] = b
b["peer"] = a
del a, b
print(gc.collect())
c = {"items": []}
c["items"].append(c)
del c
print(gc.collect())
