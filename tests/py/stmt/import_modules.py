# import of the built-in modules sys, math, time and os.
import sys
import math
import time
import os
print(type(sys).__name__)
print(math.floor(2.5), math.sqrt(16))
print(type(time.time()).__name__)
print(type(os.getcwd()).__name__)
print(sys.__name__, math.__name__)
