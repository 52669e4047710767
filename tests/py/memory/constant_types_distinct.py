# mode: both
# 1, 1.0 and True are equal but never merged into one constant.
a = 1; b = 1.0; c = True
print(a == b == c, a is b, a is c, b is c)
print(type(a).__name__, type(b).__name__, type(c).__name__)
t = (1, 1.0, True)
print(t, [type(x).__name__ for x in t])
