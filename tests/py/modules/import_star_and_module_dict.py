# `from math import *` binds the module's public names; modules have __dict__.
import math, sys
print(len(math.__dict__) > 10, vars(math) is math.__dict__, type(sys.__dict__).__name__)
print(math.__dict__["pi"], "sqrt" in math.__dict__)
from math import *
print(floor(2.5), ceil(2.5), sqrt(16), pi == math.pi)
def f():
    return factorial(5)
print(f())
