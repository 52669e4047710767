# __slots__ forbids undeclared attributes; subclasses without __slots__ get a __dict__.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, P.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    print(p.__dict__)
except AttributeError as e:
    print(type(e).__name__, e)
class Q(P):
    pass
q = Q(1, 2)
q.z = 5
print(q.z, q.__dict__)
class R:
    __slots__ = "a"
r = R()
try:
    r.a
except AttributeError as e:
    print(type(e).__name__, e)
r.a = 1
del r.a
try:
    del r.a
except AttributeError as e:
    print(type(e).__name__, e)
print(type(P.x).__name__, hasattr(p, "__dict__"))
class S(P):
    __slots__ = ("w",)
s = S(1, 2)
s.w = 3
try:
    s.v = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(s.x, s.w)
