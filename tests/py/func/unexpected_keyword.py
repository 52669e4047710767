# TypeError for unknown keyword arguments.
def f(a, b):
    return a + b
try:
    f(1, 2, z=3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(a=1, c=2)
except TypeError as e:
    print(type(e).__name__, e)
def g(*args):
    return args
try:
    g(x=1)
except TypeError as e:
    print(type(e).__name__, e)
