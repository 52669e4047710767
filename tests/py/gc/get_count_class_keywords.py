# mode: both
# Class statements with keywords: CPython gathers them in a dict for the
# whole statement, unpacks it into a tuple of names for __prepare__ and
# __init_subclass__, and a metaclass other than type (no vectorcall)
# calls its mro() method, which returns a list.
import gc

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)

class P:
    def __init_subclass__(cls, **kw):
        cls.kw = kw

if 1:
    ignored = gc.collect()
    c0 = gc.get_count()[0]
    class K(metaclass=Meta):
        pass
    c1 = gc.get_count()[0]

if 1:
    ignored = gc.collect()
    c2 = gc.get_count()[0]
    class Q(P, x=1):
        pass
    c3 = gc.get_count()[0]
    class R(P, x=1, y=2):
        pass
    c4 = gc.get_count()[0]

print('metaclass', c1 - c0)
print('__init_subclass__ keywords', c3 - c2, c4 - c3)
print(Q.kw, R.kw, type(K).__name__)
