# mode: both
# Results of arithmetic come from the small-int cache when small enough.
a = 200
b = 56
c = a + b
d = 256
print(c is d)
e = a + 57
f = 257
print(e is f, e == f)
g = 1000 - 999
one = 1
print(g is one)
