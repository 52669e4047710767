# mode: both
import gc
gc.disable()
gc.collect()
print(gc.get_freeze_count() >= 0)
l = []; l.append(l)
gc.freeze()
print(gc.get_freeze_count() > 0)
del l
print(gc.collect())
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.collect())
