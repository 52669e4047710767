# mode: both
# A dict that contains itself as a value.
import gc

ignored = gc.collect()
d = {}
d["self"] = d
print(d)
del d
print(gc.collect())
