# Importing a module twice gives the same module object.
import math
import math as m2
from math import sqrt
print(math is m2, sqrt is math.sqrt)
def f():
    import math
    return math.sqrt(4)
print(f())
import sys
import sys as again
print(sys is again, sys.maxsize == again.maxsize)
