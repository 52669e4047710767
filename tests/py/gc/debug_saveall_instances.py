# mode: both
# DEBUG_SAVEALL with a cycle of instances: gc.garbage gets the
# instances, which stay usable.
import gc

class Node:
    def __init__(self, name):
        self.name = name

ignored = gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
del a, b
print(gc.collect())
gc.set_debug(0)
print(sorted(type(o).__name__ for o in gc.garbage))
print(sorted(o.name for o in gc.garbage))
print(gc.garbage[0].peer.peer is gc.garbage[0])
gc.garbage.clear()
print(gc.collect())
