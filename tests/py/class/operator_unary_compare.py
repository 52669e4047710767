# __neg__, __pos__, __abs__, __invert__ and rich comparisons.
class V:
    def __init__(self, n):
        self.n = n
    def __neg__(self):
        return V(-self.n)
    def __pos__(self):
        return V(self.n + 0)
    def __abs__(self):
        return V(abs(self.n))
    def __invert__(self):
        return V(~self.n)
    def __eq__(self, other):
        return self.n == other.n
    def __repr__(self):
        return "V(" + str(self.n) + ")"
v = V(3)
print(-v, +v, abs(-v), ~v)
print(-v == V(-3), v != V(3))
