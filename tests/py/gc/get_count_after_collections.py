# get_count(): a collection of generation g resets the counts of
# generations 0..g and counts one more collection in generation g+1;
# freeze() resets all counts.
import gc

ignored = gc.collect()
c0 = gc.get_count()
ignored = gc.collect(0)
c1 = gc.get_count()
ignored = gc.collect(0)
c2 = gc.get_count()
ignored = gc.collect(1)
c3 = gc.get_count()
ignored = gc.collect(2)
c4 = gc.get_count()
gc.freeze()
c5 = gc.get_count()
gc.unfreeze()
print(c0, c1, c2, c3, c4, c5)
