# Inline attribute values under stress: __del__ that resurrects and adds,
# deletes and overflows attributes during a collection; instances whose
# dict is asked for, replaced, or whose class is reassigned; names
# that shadow __getattr__.
import gc
class A:
    def __del__(self):
        # resurrect through an attribute of another instance, add attrs
        self.x = [self]
        self.y = 1
        del self.y
        try:
            del self.nope
        except AttributeError:
            pass
        for i in range(40):
            setattr(self, "k%d" % i, i)
        keep.append(self)
keep = []
for r in range(3):
    a = A(); b = A()
    a.b = b; b.a = a
    a.s = a
    del a, b
    gc.collect()
print(len(keep), sorted(vars(keep[0]))[:3])
keep.clear()
gc.collect()
class B:
    pass
objs = []
for i in range(1000):
    o = B()
    o.a = o
    if i % 7 == 0:
        o.__dict__
    if i % 11 == 0:
        o.__class__ = B
    if i % 13 == 0:
        o.__dict__ = {"z": o}
    objs.append(o)
del objs, o
print(gc.collect() > 0)
class C:
    def __init__(self):
        self.v = 1
    def __eq__(self, other):
        return True
    def __hash__(self):
        return hash("v")
c = C()
for i in range(100):
    c.v = i
    setattr(c, "w%d" % (i % 35), c)
print(c.v, len(vars(c)))
class D:
    def __getattr__(self, n):
        return n
d = D(); d.q = 1
print(d.q, d.zz)
