# __repr__ and __str__.
class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "P(" + repr(self.x) + ")"
class Q(P):
    def __str__(self):
        return "Q with " + str(self.x)
p = P("a")
q = Q(1)
print(p, repr(p), str(p))
print(q, repr(q), str(q))
print([p, q])
print(f"{q} {q!r}")
