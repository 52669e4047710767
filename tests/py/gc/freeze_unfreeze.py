# mode: both
# freeze() moves every tracked object to the permanent generation, which
# collections ignore; unfreeze() puts them back in the oldest generation.
import gc

ignored = gc.collect()
print(gc.get_freeze_count())
junk = []
junk.append(junk)
gc.freeze()
print(gc.get_freeze_count() > 0)
del junk
print(gc.collect())
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.collect())
