# sys.getrefcount on fresh objects.
import sys
a = []
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
print(sys.getrefcount([]))
