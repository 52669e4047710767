# mode: both
# A default argument value is created once and reused.
def f(x=[]):
    return x

print(f() is f())
print(f([]) is f([]))
def g(x=()):
    return x

empty = ()
print(g() is empty, g() is g())
