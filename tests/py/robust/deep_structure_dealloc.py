x = None
for i in range(300000):
    x = [x]
del x
d = None
for i in range(300000):
    d = {"n": d}
del d
t = None
for i in range(300000):
    t = (t, i)
del t
class Node:
    pass
n = None
for i in range(300000):
    m = Node()
    m.next = n
    n = m
del n, m
s = None
for i in range(100000):
    s = frozenset([s]) if s is not None else frozenset()
del s
print("ok")
