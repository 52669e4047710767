# mode: both
# Once Python code has looked at an instance's __dict__, the dict is an
# object of its own and the collector counts it.
import gc

class Node:
    pass

ignored = gc.collect()
a = Node()
a.me = a
print(sorted(a.__dict__))
del a
print(gc.collect())
b = Node()
b.me = b
print(sorted(vars(b)))
del b
print(gc.collect())
c = Node()
c.__dict__ = {"me": c}
del c
print(gc.collect())
d = Node()
d.me = d
print("me" in dir(d))
del d
print(gc.collect())
e = Node()
e.me = e
print(e.me is e, hasattr(e, "other"))
del e
print(gc.collect())
