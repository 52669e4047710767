# mode: both
# Finalizers may allocate, even new cycles: the running collection does
# not see them, the next one collects them.
import gc

made = []

class Maker:
    def __del__(self):
        for i in range(100):
            lst = [i]
            lst.append(lst)
        made.append(len(made))

ignored = gc.collect()
for i in range(3):
    m = Maker()
    m.me = m

del m
print(gc.collect())
print(made)
print(gc.collect())
