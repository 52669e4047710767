# mode: both
# Every list display creates a new list.
a = [1, 2]
b = [1, 2]
print(a is b, a == b)
c = []; d = []; print(c is d)
e = a
print(e is a)
