# mode: both
# __del__ that ran when the count reached zero (and resurrected the
# object) does not run again when the object later dies in a cycle.
import gc

saved = []

class Revenant:
    def __del__(self):
        print("__del__", len(saved))
        saved.append(self)

r = Revenant()
del r
print(len(saved), gc.is_finalized(saved[0]))
saved[0].me = saved[0]
saved.clear()
print(gc.collect())
print(len(saved))
