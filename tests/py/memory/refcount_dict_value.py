# mode: both
# A dict value holds a reference; a key does too.
import sys
a = []
t = ()
d = {"k": a}
print(sys.getrefcount(a))
d["j"] = a
print(sys.getrefcount(a))
d.clear()
print(sys.getrefcount(a))
