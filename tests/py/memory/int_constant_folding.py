# mode: both
# Constant expressions are folded at compile time only while the result is
# estimated to stay within 128 bits: 2 ** 64 folds, 2 ** 65 and 2 ** 100 do
# not. Folded values are shared constants within one compilation unit.
a = 2 ** 64
b = 2 ** 64
print(a is b, a == b)
c = 2 ** 65
d = 2 ** 65
print(c is d, c == d)
e = 2 ** 100
f = 2 ** 100
print(e is f, e == f)
