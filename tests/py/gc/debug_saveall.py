# mode: both
# DEBUG_SAVEALL: unreachable objects go to gc.garbage instead of being
# freed; they still count as collected.
import gc

ignored = gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
lst = []
lst.append(lst)
del lst
before = gc.get_stats()[2]
print(gc.collect())
after = gc.get_stats()[2]
print(gc.garbage)
print(after["collected"] - before["collected"], after["uncollectable"] - before["uncollectable"])
gc.set_debug(0)
print(gc.collect())
gc.garbage.clear()
print(gc.collect())
