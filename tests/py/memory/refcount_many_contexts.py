# mode: both
import sys
class C:
    attr = None
    def m(self):
        pass

o = C()
base = sys.getrefcount(o)
print(base)
L = [o, o]
print(sys.getrefcount(o) - base)
d = {'k': o}
print(sys.getrefcount(o) - base)
del L, d
print(sys.getrefcount(o) - base)
bm = o.m
print(sys.getrefcount(o) - base)
del bm
C.attr = o
print(sys.getrefcount(o) - base)
C.attr = None
p = C()
p.other = o
print(sys.getrefcount(o) - base)
del p
def outer(v):
    def inner():
        return v
    return inner

cl = outer(o)
print(sys.getrefcount(o) - base)
del cl
def dflt(a=o):
    return a

print(sys.getrefcount(o) - base)
del dflt
it = iter([o])
print(sys.getrefcount(o) - base)
next(it)
print(sys.getrefcount(o) - base)
del it
def gen(x):
    yield 1
    yield x

g = gen(o)
print(sys.getrefcount(o) - base)
next(g)
print(sys.getrefcount(o) - base)
del g
def fn(x):
    return sys.getrefcount(x)

print(fn(o) - base)
for item in [o]:
    print(sys.getrefcount(o) - base)

print(sys.getrefcount(o) - base)
del item
print([sys.getrefcount(o) - base for _ in range(1)])
print(sys.getrefcount(o) - base)
