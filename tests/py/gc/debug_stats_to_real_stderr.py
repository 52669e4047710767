# DEBUG_UNCOLLECTABLE alone prints nothing when everything is
# collectable; a collection with no garbage reports nothing either.
import gc

ignored = gc.collect()
gc.set_debug(gc.DEBUG_UNCOLLECTABLE)
x = {}
x["x"] = x
del x
print(gc.collect())
print(gc.collect())
gc.set_debug(0)
print(gc.garbage)
