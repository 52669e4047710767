# sys.version_info is a tuple with named fields and CPython's repr.
import sys
v = sys.version_info
print(v, type(v), isinstance(v, tuple), len(v))
print(v >= (3, 8), v[:2], v.major, v.minor, v.micro, v.releaselevel, v.serial)
print(v == (3, 11, 7, "final", 0), list(v), "%d.%d" % v[:2], f"{v.major}.{v.minor}")
try:
    type(v)()
except TypeError as e:
    print(e)
