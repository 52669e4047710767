# mode: both
# A list that contains itself, once and twice.
import gc

ignored = gc.collect()
a = []
a.append(a)
print(a)
del a
print(gc.collect())
b = [1, 2]
b.append(b)
b.append(b)
del b
print(gc.collect())
