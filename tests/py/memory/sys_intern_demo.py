# mode: both
# sys.intern makes equal strings identical.
import sys
a = "".join(["hello", "!"])
b = "".join(["hello", "!"])
print(a is b)
a = sys.intern(a)
b = sys.intern(b)
print(a is b)
