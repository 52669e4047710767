# Importing a name that a module does not have.
try:
    from math import no_such_name
except ImportError as e:
    print(type(e).__name__)
    print(str(e).startswith("cannot import name 'no_such_name' from 'math'"))
import math
try:
    math.no_such_name
except AttributeError as e:
    print(type(e).__name__, e)
