# mode: both
# An instance with 30 or more attributes has a real __dict__ object in
# CPython too (the class's shared-key table is full): it is counted.
import gc

class Few:
    pass

class Many:
    pass

ignored = gc.collect()
f = Few()
for i in range(10):
    setattr(f, "a" + str(i), i)

f.me = f
del f
print(gc.collect())
m = Many()
for i in range(40):
    setattr(m, "a" + str(i), i)

m.me = m
del m
print(gc.collect())
