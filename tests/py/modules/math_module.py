# A tour of the math module.
import math
print(math.pi, math.e, math.inf > 10 ** 300, math.isnan(math.nan))
print(math.sqrt(81), math.floor(-0.5), math.ceil(-0.5), math.trunc(9.99))
print(math.gcd(48, 180), math.factorial(12), math.fabs(-7))
print(math.hypot(5, 12), math.copysign(2, -3), math.pow(3, 3))
print(math.isclose(math.sin(math.pi / 6), 0.5), math.cos(0), math.exp(2))
print(math.log(1024, 2), math.log(math.e ** 2), math.fsum([0.1] * 3))
print(math.isinf(-math.inf), math.isclose(1e-12, 0, abs_tol=1e-9))
