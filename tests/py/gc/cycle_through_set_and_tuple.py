# mode: both
# Cycles through a tuple stored in a set, and through a frozen tuple of
# lists.
import gc

class Key:
    pass

ignored = gc.collect()
k = Key()
s = {k}
k.home = s
del k, s
print(gc.collect())
lst = []
t = (lst, 1)
lst.append(t)
del lst, t
print(gc.collect())
