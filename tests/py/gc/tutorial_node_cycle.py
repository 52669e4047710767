# mode: both
# The tutorials' example: two objects that refer to each other survive
# `del` (their counts never reach zero) and gc.collect() finds them.
import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.next = None

ignored = gc.collect()
a = Node("a")
b = Node("b")
a.next = b
b.next = a
del a, b
print(gc.collect())
print(gc.collect())
