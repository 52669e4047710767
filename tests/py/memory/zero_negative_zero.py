# mode: both
# 0.0 and -0.0 are equal but distinct constants.
a = 0.0; b = -0.0
print(a == b, a is b)
print(a, b, repr(-a), repr(0.0 * -1))
c = (0.0, -0.0)
print(c, c[0] is c[1])
