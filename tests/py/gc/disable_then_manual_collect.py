# mode: both
# gc.disable() stops automatic collection; gc.collect() still works.
import gc

ignored = gc.collect()
gc.disable()
print(gc.isenabled())
for i in range(1000):
    a = []
    b = [a]
    a.append(b)

del a, b
print(gc.collect())
gc.enable()
print(gc.isenabled())
