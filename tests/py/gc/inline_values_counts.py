# mode: both
# Instances whose attributes CPython keeps inline: creating them, giving
# them attributes and asking for their __dict__ move gc.get_count() as in
# CPython, and collections count a dict only once one exists.
import gc

gc.disable()


class Node:
    def __init__(self, v):
        self.v = v
        self.other = None


def cycle():
    a = Node(1)
    b = Node(2)
    a.other = b
    b.other = a


gc.collect()
base = gc.get_count()[0]
n = Node(0)
print("one instance", gc.get_count()[0] - base)
n.extra = []
print("list attribute", gc.get_count()[0] - base)
d = n.__dict__
print("dict asked for", gc.get_count()[0] - base)
del d, n

cycle()
print("cycle without dicts", gc.collect())
a = Node(1)
b = Node(2)
a.other = b
b.other = a
print(len(a.__dict__))
del a, b
print("cycle, one dict", gc.collect())
for i in range(5):
    cycle()
print("five cycles", gc.collect())
x = Node(3)
x.me = x
print(gc.get_referents(x) == [3, None, x, Node] or gc.get_referents(x))
print(gc.get_referrers(x) == [x])
del x
print("self cycle", gc.collect())
