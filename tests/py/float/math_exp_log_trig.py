# Exponential, logarithm and trigonometric functions.
import math
print(math.exp(0), math.exp(1), math.exp(-1))
print(math.log(1), math.log(math.e), math.log(100, 10), math.log(8, 2))
print(math.sin(0), math.cos(0), math.sin(math.pi / 2))
print(round(math.cos(math.pi), 10), round(math.sin(math.pi), 10))
print(math.hypot(3, 4), math.pow(2, 10), math.pow(2, 0.5))
try:
    math.log(0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.log(-1)
except ValueError as e:
    print(type(e).__name__, e)
