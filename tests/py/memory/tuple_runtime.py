# mode: both
# Tuples built at run time are new objects.
a = (1, 2)
b = tuple([1, 2])
print(a is b, a == b)
x = 1
c = (x, 2)
print(c is a, c == a)
