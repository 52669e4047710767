# mode: both
# Each slot in a container holds a reference.
import sys
a = []
lst = [a, a]
print(sys.getrefcount(a))
lst.append(a)
print(sys.getrefcount(a))
del lst
print(sys.getrefcount(a))
