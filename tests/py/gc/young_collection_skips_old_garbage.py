# mode: both
# Garbage that was promoted to an older generation is only found by a
# collection of that generation.
import gc

ignored = gc.collect()
junk = []
junk.append(junk)
ignored = gc.collect(0)
del junk
print(gc.collect(0))
print(gc.collect(1))
junk = {}
junk["j"] = junk
ignored = gc.collect(1)
del junk
print(gc.collect(0), gc.collect(1), gc.collect(2))
