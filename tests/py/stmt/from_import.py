# from m import a, b.
from math import sqrt, pi
from math import floor as fl, ceil
from sys import maxsize
print(sqrt(2))
print(pi)
print(fl(-1.5), ceil(-1.5))
print(maxsize == 2 ** 63 - 1)
def f():
    from math import e
    return e
print(f())
