# mode: both
# A cycle that is still referenced from a variable is not garbage; once
# the last outside reference goes, it is.
import gc

class Node:
    pass

ignored = gc.collect()
a = Node()
b = Node()
a.peer = b
b.peer = a
del b
print(gc.collect())
print(a.peer.peer is a)
holder = [a.peer]
del a
print(gc.collect())
del holder
print(gc.collect())
