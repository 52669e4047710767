# memlab.trace_gc(True): each collection tells its phases in plain words
# (addresses and the counts that depend on the heap are checked by shape).
import gc, memlab
class Node:
    pass
class Fin:
    def __del__(self):
        print("Fin.__del__ runs")
gc.collect()
gc.freeze()
a = Node(); b = Node(); a.other = b; b.other = a
f = Fin(); f.me = f
del a, b, f
print(memlab.trace_gc(True))
# expect: False
print(gc.collect(0))
# expect: [gc] collecting generation 0
# expect: [gc]   examined N tracked objects
# expect: [gc]   subtracted N internal references (references between those objects); N objects are still referenced from outside
# expect: [gc]   unreachable: 3 objects:
# expect: [gc]     Node at 0xADDR
# expect: [gc]     Node at 0xADDR
# expect: [gc]     Fin at 0xADDR
# expect: [gc]   running the finalizer (__del__) of Fin at 0xADDR
# expect: Fin.__del__ runs
# expect: [gc]   finalizers run: 1
# expect: [gc]   freed 3 objects
# expect: 3
print(memlab.trace_gc(False))
# expect: True
x = []; x.append(x); del x
print(gc.collect())
# expect: 1
gc.unfreeze()
