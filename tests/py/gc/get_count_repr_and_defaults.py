# mode: both
# The first repr of a container makes CPython's per-thread dict and its
# "Py_Repr" list, kept for good; defaults made only of constants are one
# constant tuple (the compiler folds them), so def allocates only the
# function.
import gc
import sys

x = 5
if 1:
    ignored = gc.collect()
    c0 = gc.get_count()[0]
    r = repr([1, 2])
    c1 = gc.get_count()[0]
    r = repr({1: 2})
    c2 = gc.get_count()[0]
    def f(a, b=1, c='s', d=(1, 2)):
        pass
    c3 = gc.get_count()[0]
    def g(a, b=x):
        pass
    c4 = gc.get_count()[0]
    h = lambda a=-1, b=2.5: a
    c5 = gc.get_count()[0]

print('repr', c1 - c0, c2 - c1)
print('def', c3 - c2, c4 - c3, c5 - c4)
print(f.__defaults__, g.__defaults__, h.__defaults__)
print(sys.getrefcount(f.__defaults__), sys.getrefcount(h.__defaults__))
def k(a=12345678, b='not a name'):
    pass

print(sys.getrefcount(k.__defaults__[0]), sys.getrefcount(k.__defaults__[1]))
