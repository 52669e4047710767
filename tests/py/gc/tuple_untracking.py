# mode: both
# Tuples are tracked when created and untracked by a collection once all
# their items are atoms (or untracked tuples).
import gc

n = 7
t = (n, n + 1)
u = (n, [])
v = (t, "s")
print(gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(v))
ignored = gc.collect()
print(gc.is_tracked(t), gc.is_tracked(u))
ignored = gc.collect()
print(gc.is_tracked(v))
