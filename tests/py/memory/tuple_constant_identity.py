# mode: both
# Equal tuple constants are merged within one compilation unit.
a = (1, 2)
b = (1, 2)
print(a is b, a == b)
