# mode: both
import gc
gc.disable()
class Node:
    def __init__(self, n):
        self.n = n
        self.next = None

a = Node(1); b = Node(2)
a.next = b; b.next = a
del a, b
print(gc.collect())
l = []
l.append(l)
del l
print(gc.collect())
d = {}
d['self'] = d
del d
print(gc.collect())
def make():
    def inner():
        return inner
    return inner

f = make()
del f
print(gc.collect())
class M:
    def m(self):
        pass

m = M()
m.bound = m.m
del m
print(gc.collect())
def gen():
    g = yield 1
    yield g

x = gen()
next(x)
x.send(x) if False else None
del x
print(gc.collect())
