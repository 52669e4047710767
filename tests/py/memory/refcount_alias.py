# mode: both
# sys.getrefcount counts its own argument too.
import sys
a = []
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
c = b
print(sys.getrefcount(a))
del b, c
print(sys.getrefcount(a))
