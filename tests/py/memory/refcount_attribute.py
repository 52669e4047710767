# mode: both
# Storing an object as an attribute adds a reference.
import sys
class Holder:
    pass

a = []
h = Holder()
h.item = a
print(sys.getrefcount(a))
h.other = a
print(sys.getrefcount(a))
del h
print(sys.getrefcount(a))
