# mode: both
# id() is equal for the same object and different for distinct live objects.
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c))
x = 256
y = 256
print(id(x) == id(y))
