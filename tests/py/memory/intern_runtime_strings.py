# mode: both
import sys
a = 'hello world'
b = ''.join(['hello', ' ', 'world'])
print(a == b, a is b)
a2 = sys.intern(a)
b2 = sys.intern(b)
print(a2 is b2, a2 is a)
k1 = 'x' * 20
k2 = 'x' * 20
print(k1 is k2)
k3 = 'x' * 4097
k4 = 'x' * 4097
print(k3 is k4)
names = ['alpha', 'beta']
print(names[0] is 'alpha')
d = {}
key = ''.join(['ke', 'y'])
d[key] = 1
print(list(d)[0] is key)
class C:
    pass

c = C()
setattr(c, ''.join(['at', 'tr']), 5)
print([k for k in vars(c)][0] is 'attr')
print(sys.intern('attr') is 'attr')
try:
    sys.intern(5)
except TypeError as e:
    print(type(e).__name__, e)
