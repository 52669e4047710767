# mode: both
a = (1, 2, 3)
b = (1, 2, 3)
print(a is b)
def f():
    return (1, 2, 3)

print(f() is a, f() is f())
c = ()
d = tuple()
e = tuple([])
print(c is d, d is e, () is (1, 2)[2:])
x = 1
t1 = (x, 2)
t2 = (x, 2)
print(t1 is t2, t1 == t2)
print((1, (2, 3)) is (1, (2, 3)))
n = (2, 3)
print((1, (2, 3))[1] is n)
fs1 = frozenset()
fs2 = frozenset()
print(fs1 is fs2, frozenset([]) is fs1)
print(x in {1, 2, 3}, x in (1, 2, 3))
def g():
    return 1 in {1, 2}

print(g())
print(tuple(a) is a, a[:] is a, a[0:3] is a, a + () is a, () + a is a)
print(a * 1 is a, a * 0 is ())
L = [1, 2]
print(tuple(L) is tuple(L))
print((None,) is (None,), ('a', 'b') is ('a', 'b'))
