# gc.get_referrers/get_referents take their arguments as a tuple (METH_VARARGS),
# freeze() zeroes the young count: the counts follow python3 throughout.
import gc
gc.set_debug(gc.DEBUG_SAVEALL)
class A: pass
a = A(); a.me = a
del a
n = gc.collect()
print(n, len(gc.garbage), type(gc.garbage[0]).__name__)
gc.set_debug(0)
gc.garbage.clear()
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
x = []
y = [x]
print(gc.get_referrers(x) == [y], gc.get_referents(y) == [x])
gc.freeze(); print(gc.get_freeze_count() > 0); gc.unfreeze(); print(gc.get_freeze_count())
print(gc.get_count())
objs = [[] for _ in range(800)]
print(gc.get_count())
