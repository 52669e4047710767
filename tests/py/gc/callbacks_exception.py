# A callback that raises is reported as unraisable; the collection and
# the other callbacks still run.
import gc

seen = []

def bad(phase, info):
    raise ValueError(phase)

def good(phase, info):
    seen.append((phase, info["collected"]))

ignored = gc.collect()
gc.callbacks.extend([bad, good])
x = []
x.append(x)
del x
print(gc.collect())
gc.callbacks.clear()
print(seen)
