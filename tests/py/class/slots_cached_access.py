# __slots__ words read and written many times (the cached paths): unset
# words raise AttributeError, subclasses add their own words, a
# __dict__ slot sits beside them.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
class Q(P):
    __slots__ = ("z",)
    def __init__(self, x):
        super().__init__(x)
        self.z = [x]
t = 0
for i in range(100):
    p = P(i) if i % 2 else Q(i)
    t += p.x
    try:
        p.y
    except AttributeError as e:
        if i < 2: print(e)
    p.y = i
    t += p.y
    del p.y
    if i < 2:
        try:
            del p.y
        except AttributeError as e:
            print(e)
print(t)
class R:
    __slots__ = ("a", "__dict__")
r = R()
for i in range(50):
    r.a = i
    r.b = i + 1
print(r.a, r.b, r.__dict__)
