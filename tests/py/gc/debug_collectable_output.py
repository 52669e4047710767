# DEBUG_COLLECTABLE names each unreachable object ("gc: collectable
# <type address>") on sys.stderr.
import gc
import sys

class Capture:
    def __init__(self):
        self.text = ""
    def write(self, s):
        self.text += s
        return len(s)
    def flush(self):
        pass

class Node:
    pass

ignored = gc.collect()
lst = []
lst.append(lst)
a = Node()
b = Node()
a.peer = b
b.peer = a
del lst, a, b
cap = Capture()
real = sys.stderr
sys.stderr = cap
gc.set_debug(gc.DEBUG_COLLECTABLE)
n = gc.collect()
gc.set_debug(0)
sys.stderr = real
print(n)
print(cap.text, end="")
