# Module-level names and __name__.
import sys
import math
print(__name__)
print(math.__name__, sys.__name__)
print(type(math).__name__)
print(hasattr(math, "sqrt"), hasattr(math, "nothing"))
print(getattr(math, "pi") == math.pi)
