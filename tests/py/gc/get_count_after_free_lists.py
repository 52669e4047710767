# A full collection empties the containers' free lists: the containers
# allocated right after it count in generation 0 even if containers of
# the same type were freed just before.
import gc

junk = [[] for i in range(20)]
tuples = [(i, []) for i in range(20)]
dicts = [{} for i in range(20)]
del junk, tuples, dicts
ignored = gc.collect()
c0 = gc.get_count()
a = []
b = {}
c = [[]]
c1 = gc.get_count()
print(c0, c1)
