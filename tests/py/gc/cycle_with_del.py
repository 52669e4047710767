# mode: both
# __del__ of objects in an unreachable cycle runs during gc.collect(),
# before the cycle is broken.
import gc

class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name, "peer:", self.peer.name)

ignored = gc.collect()
a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
del a, b
print("collecting")
print(gc.collect())
print("done")
