# mode: both
# An int computed at run time is a new object, unlike a shared constant.
a = 257
b = int("257")
print(a is b, a == b)
c = 256
d = int("256")
print(c is d, c == d)
