# TypeError for missing required arguments.
def f(a, b):
    return a + b
try:
    f(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f()
except TypeError as e:
    print(type(e).__name__, e)
def g(a, b, c):
    return a
try:
    g(1)
except TypeError as e:
    print(type(e).__name__, e)
def h(*, key):
    return key
try:
    h()
except TypeError as e:
    print(type(e).__name__, e)
