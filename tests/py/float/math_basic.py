# Constants and basic functions of the math module.
import math
print(math.pi, math.e, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(144), math.fabs(-3.5))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1))
print(math.trunc(2.7), math.trunc(-2.7), type(math.floor(1.5)).__name__)
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6))
print(math.factorial(0), math.factorial(20), math.factorial(25))
try:
    math.sqrt(-1)
except ValueError as e:
    print(type(e).__name__, e)
