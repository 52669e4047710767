# mode: both
import sys
class Thing:
    pass

t = Thing()
print(sys.getrefcount(t))
def make(o):
    def inner():
        return o
    return inner

fns = [make(t) for i in range(3)]
print(sys.getrefcount(t))
del fns
print(sys.getrefcount(t))
def counter():
    n = Thing()
    def inc():
        return sys.getrefcount(n)
    return inc

c = counter()
print(c())
print(c.__closure__[0].cell_contents is not None)
print(sys.getrefcount(c.__closure__[0]))
def outer():
    val = Thing()
    def a():
        return val
    def b():
        return val
    return sys.getrefcount(val), a, b

r, fa, fb = outer()
print(r, sys.getrefcount(fa()))
