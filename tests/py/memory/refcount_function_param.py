# mode: both
# Passing an object to a function adds references while the call runs.
import sys
a = []
def f(x):
    return sys.getrefcount(x)

print(sys.getrefcount(a))
print(f(a))
def g(x):
    y = x
    return sys.getrefcount(x)

print(g(a))
