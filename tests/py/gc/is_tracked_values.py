# mode: both
# is_tracked(): containers are tracked, atoms are not; dicts start
# untracked and become tracked when a container is stored in them.
import gc

class C:
    pass

def f():
    pass

print(gc.is_tracked(0), gc.is_tracked(10 ** 30), gc.is_tracked(1.5))
print(gc.is_tracked("text"), gc.is_tracked(b"bytes"), gc.is_tracked(None))
print(gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": 1}))
print(gc.is_tracked({"a": []}), gc.is_tracked(set()), gc.is_tracked(()))
print(gc.is_tracked(C()), gc.is_tracked(f), gc.is_tracked(C().__init__))
d = {}
print(gc.is_tracked(d))
d["x"] = 1
print(gc.is_tracked(d))
d["y"] = [1]
print(gc.is_tracked(d))
try:
    gc.is_tracked()
except TypeError as e:
    print(e)
