# TypeError for too many positional arguments.
def f(a, b):
    return a + b
try:
    f(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
def g():
    return 0
try:
    g(1)
except TypeError as e:
    print(type(e).__name__, e)
def h(a, b=1):
    return a
try:
    h(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
def k(a):
    return a
try:
    k(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
