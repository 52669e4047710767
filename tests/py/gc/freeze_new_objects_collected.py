# mode: both
# Objects created after freeze() are collected as usual.
import gc

ignored = gc.collect()
gc.freeze()
frozen = gc.get_freeze_count()
a = []
a.append(a)
del a
print(gc.collect())
print(gc.get_freeze_count() == frozen)
gc.unfreeze()
print(gc.get_freeze_count())
