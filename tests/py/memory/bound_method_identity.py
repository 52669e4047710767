# mode: both
# Each attribute access creates a new bound method object.
class C:
    def m(self):
        pass

c = C()
print(c.m == c.m, c.m is c.m)
m1 = c.m
m2 = c.m
print(m1 is m2, m1 == m2)
print(C.m is C.m)
