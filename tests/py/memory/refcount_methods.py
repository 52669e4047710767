# mode: both
import sys
class K:
    def meth(self):
        return sys.getrefcount(self)
    @staticmethod
    def st(x):
        return sys.getrefcount(x)
    @classmethod
    def cm(cls):
        return cls

k = K()
print(sys.getrefcount(k))
print(k.meth())
print(K.meth(k))
print(K.st(k))
m = k.meth
print(sys.getrefcount(k), sys.getrefcount(m))
print(m.__self__ is k, m.__func__ is K.meth)
m2 = k.meth
print(m is m2, m == m2)
del m, m2
print(sys.getrefcount(k))
k.cb = k.meth
print(sys.getrefcount(k))
del k.cb
print(sys.getrefcount(k))
print(sys.getrefcount(K) > 2)
print(sys.getrefcount(K.meth))
