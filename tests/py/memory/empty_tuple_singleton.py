# mode: both
# The empty tuple is a singleton.
a = ()
b = tuple()
c = tuple([])
d = (1, 2)[2:]
print(a is b, b is c, c is d)
