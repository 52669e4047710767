# mode: both
import sys
x = 'some_unique_name_xyz'
print(sys.getrefcount(x))
y = 'some unique string with spaces!'
print(sys.getrefcount(y))
z = 12345678
print(sys.getrefcount(z))
w = 3.14159
print(sys.getrefcount(w))
t = (1, 2, 'q')
print(sys.getrefcount(t))
l = [1, 2, 3]
print(sys.getrefcount(l))
def f():
    v = 'local_const_name'
    return sys.getrefcount(v)

print(f())
def g():
    return sys.getrefcount(987654)

print(g())
print(sys.getrefcount(None) > 100, sys.getrefcount(1) > 100)
print(sys.getrefcount([]))
print(sys.getrefcount(object()))
a = object()
b = a
c = [a, a, a]
print(sys.getrefcount(a))
