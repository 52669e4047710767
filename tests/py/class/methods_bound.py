# Bound and unbound method objects.
class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
c = C(5)
m = c.get
print(m())
print(C.get(c))
print(type(m).__name__)
fs = [C(i).get for i in range(3)]
print([f() for f in fs])
