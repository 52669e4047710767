# sys.intern returns a canonical string object.
import sys
a = "".join(["hello", " ", "world"])
b = "".join(["hello", " ", "world"])
print(a == b, a is b)
ia = sys.intern(a)
ib = sys.intern(b)
print(ia is ib, ia == a)
print(sys.intern("x") is sys.intern("x"))
try:
    sys.intern(1)
except TypeError as e:
    print(type(e).__name__, e)
