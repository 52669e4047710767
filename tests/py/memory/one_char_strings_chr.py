# mode: both
# chr() returns the cached object for Latin-1 code points.
a = chr(101)
b = chr(101)
print(a is b)
c = chr(233)
d = "é"[0]
print(c is d)
e = chr(300)
f = chr(300)
print(e is f, e == f)
