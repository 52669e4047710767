# math.fsum is exact where sum accumulates rounding errors.
import math
vals = [0.1] * 10
print(sum(vals), math.fsum(vals))
print(sum([1e100, 1.0, -1e100]), math.fsum([1e100, 1.0, -1e100]))
print(math.fsum([]), math.fsum([1, 2, 3]))
print(math.fsum([0.1, 0.2, 0.3]) == 0.6)
