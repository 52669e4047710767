# isnan, isinf, isclose and copysign.
import math
print(math.isnan(float("nan")), math.isnan(1.0), math.isinf(math.inf), math.isinf(1e308))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3)
print(math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2))
print(math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9))
print(math.copysign(3, -0.0), math.copysign(-2.5, 1), math.copysign(1, -1))
