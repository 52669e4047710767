# id() is stable for a live object and distinct for distinct live objects.
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), type(id(a)).__name__)
print(id(a) == id(a), a is b, a is not c)
def f(x):
    return id(x)
print(f(a) == id(a))
