# Instance attributes that CPython 3.11 keeps inline (no dict object until
# one is needed): reading, writing, deleting, ordering, methods shadowed by
# attributes, the dict made on demand, classes whose shared key table fills
# up, __class__ assignment and odd attribute names.
import sys


class A:
    def __init__(self, n):
        self.a = n
        self.b = [n]

    def m(self):
        return "method"


a = A(1)
b = A(2)
b.c = 3
del b.a
print(vars(b), b.__dict__ is b.__dict__)
print(sys.getsizeof(a.__dict__), sys.getsizeof(b.__dict__))
try:
    del b.a
except AttributeError as e:
    print("AttributeError:", e)
try:
    b.a
except AttributeError as e:
    print("AttributeError:", e)

# Attributes set in a different order keep their own order.
c = A(3)
del c.a
c.a = 4
print(list(vars(c)))

# An attribute shadows a method; deleting it uncovers the method again.
for i in range(3):
    d = A(i)
    print(d.m())
    d.m = "attr"
    print(d.m)
    del d.m
    print(d.m())


class B:
    pass


x = B()
for i in range(40):
    setattr(x, "k%d" % i, i)
print(len(x.__dict__), sys.getsizeof(x.__dict__), x.k0, x.k39)
y = B()
y.z = 1
print(y.__dict__, sys.getsizeof(y.__dict__))


class C(A):
    pass


c = C(5)
c.__class__ = A
print(type(c).__name__, c.a, c.b, c.__dict__)

e = A(6)
e.__dict__ = {"q": 9}
print(e.q, hasattr(e, "a"), vars(e))
setattr(e, "s" + "x", 4)
print(e.sx, sorted(k for k in dir(e) if not k.startswith("__")))


class S(str):
    pass


f = A(7)
setattr(f, S("weird"), 5)
print(f.weird, f.__dict__)
print(getattr(f, S("a")))

# Many instances, some with extra attributes.
objs = [A(i) for i in range(100)]
for i, o in enumerate(objs):
    if i % 3 == 0:
        o.extra = i
print(sum(o.a for o in objs), sum(getattr(o, "extra", 0) for o in objs))
print(sys.getsizeof(objs[0].__dict__), sys.getsizeof(objs[3].__dict__))
