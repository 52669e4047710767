# mode: both
# A dict that no longer holds containers stays tracked until a full
# collection untracks it.
import gc

d = {"a": []}
print(gc.is_tracked(d))
d["a"] = 1
print(gc.is_tracked(d))
ignored = gc.collect(0)
print(gc.is_tracked(d))
ignored = gc.collect(1)
print(gc.is_tracked(d))
ignored = gc.collect()
print(gc.is_tracked(d))
d["b"] = [2]
print(gc.is_tracked(d))
