# mode: both
# A __del__ that resurrects its object: the object survives the
# collection, and when it becomes garbage again __del__ does not run
# a second time (PEP 442).
import gc

saved = []

class Phoenix:
    def __del__(self):
        print("__del__ runs, saved:", len(saved))
        saved.append(self)

ignored = gc.collect()
p = Phoenix()
p.friends = [p]
del p
print(gc.collect())
print(len(saved), gc.is_finalized(saved[0]))
print(saved[0].friends[0] is saved[0])
saved.clear()
print(gc.collect())
print(len(saved))
