# mode: both
# Callables without a vectorcall entry point in CPython 3.11 (classes,
# zip, staticmethod, min and max...) get their positional arguments as a
# tuple and their keyword arguments as a dict, alive during the call; a
# Python __init__ or __new__ called with keywords also gets a tuple of
# the keyword names.  The counts show those objects.
import gc

class P:
    def __init__(self, x, y=0):
        self.x = x

class N:
    def __new__(cls, *args, **kwargs):
        return object.__new__(cls)

def f():
    pass

l1 = [1, 2]
l2 = [3, 4]
if 1:
    ignored = gc.collect()
    c0 = gc.get_count()[0]
    z = zip(l1, l2)
    c1 = gc.get_count()[0]
    z2 = zip(l1, l2, l1)
    c2 = gc.get_count()[0]
    p = P(1, y=2)
    c3 = gc.get_count()[0]
    n = N(1, k=2)
    c4 = gc.get_count()[0]
    m = min(l1, key=abs)
    c5 = gc.get_count()[0]
    m = max(l1, default=0)
    c6 = gc.get_count()[0]
    m = max(3, 1, 2)
    c7 = gc.get_count()[0]
    s = staticmethod(f)
    c8 = gc.get_count()[0]
    s = classmethod(f)
    c9 = gc.get_count()[0]

print('zip', c1 - c0, c2 - c1)
print('class with keywords', c3 - c2, c4 - c3)
print('min/max', c5 - c4, c6 - c5, c7 - c6)
print('staticmethod/classmethod', c8 - c7, c9 - c8)
print(list(z), list(z2), p.x, type(n).__name__, m)
