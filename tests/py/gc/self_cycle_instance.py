# mode: both
# An instance whose attribute refers to itself.
import gc

class Thing:
    pass

ignored = gc.collect()
t = Thing()
t.me = t
t.n = 42
del t
print(gc.collect())
