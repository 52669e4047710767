# mode: both
# _ctypes.PyObj_FromPtr(id(x)) gives back x itself, as a new reference.
import _ctypes
import sys

class Point:
    def __init__(self, x):
        self.x = x

objs = [[1, 2], (3, 4), {'a': 1}, "text", 3.5, 10 ** 30, Point(7), b"xy",
        None, True, False, 5, -5, 256, int, str, Point, object, Ellipsis,
        NotImplemented, frozenset({1}), range(3), len, sys, "", "a", "\xe9", "b",
        b"", b"a", (), 2 ** 62, -6, 257]
for o in objs:
    print(_ctypes.PyObj_FromPtr(id(o)) is o)

p = Point(1)
before = sys.getrefcount(p)
q = _ctypes.PyObj_FromPtr(id(p))
print(sys.getrefcount(p) - before)
del q
print(sys.getrefcount(p) - before)
print(_ctypes.PyObj_FromPtr(id(p)).x)

for bad in ["a", 1.5, None, 2 ** 64, 2 ** 70]:
    try:
        _ctypes.PyObj_FromPtr(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)

for call in [lambda: _ctypes.PyObj_FromPtr(), lambda: _ctypes.PyObj_FromPtr(1, 2),
             lambda: _ctypes.PyObj_FromPtr(address=1)]:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
