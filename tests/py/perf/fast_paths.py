# Results of the VM's fast paths equal the generic ones: quickened
# arithmetic meeting other types, in-place string growth, tuple sorts,
# attribute caches with changing dict layouts, list iteration.
import sys

def arith(xs):
    out = []
    for a, b in xs:
        out.append(a + b)
        out.append(a - b)
        out.append(a * b)
    return out

# The same instructions see floats, then ints, big ints, mixed, str, lists.
print(arith([(1.5, 2.25)] * 3))
print(arith([(3, 4), (2**62, 2**62), (-2**63, 1), (7, 0.5), (True, 2)]))
print(arith([(1.5, 2.5), ("ab", "cd")][:1]))
try:
    print(arith([(1.5, 2.5), ("ab", "cd")]))
except TypeError as e:
    print("TypeError:", e)
print(arith([([1], [2])][:1][:0]))

def divs(xs):
    out = []
    for a, b in xs:
        try:
            out.append(a / b)
        except ZeroDivisionError as e:
            out.append(str(e))
    return out

print(divs([(1.0, 4.0), (1.0, 0.0), (3, 2), (1.0, -0.0), (float("inf"), 2.0)]))

def compares(xs):
    return [(a < b, a <= b, a == b, a != b, a > b, a >= b) for a, b in xs]

nan = float("nan")
print(compares([(1, 2), (2, 2), (3, 2), (1.0, 2.0), (nan, 1.0), (nan, nan), (2.0, 2.0)]))

def grow(parts):
    s = ""
    for p in parts:
        s += p
    return s

def grow_shared(parts):
    s = "x"
    keep = []
    for p in parts:
        keep.append(s)
        s += p
    return s, keep

print(grow(["ab", "cd", "é", "€", "😀", "z"]))
print(grow_shared(["a", "b", "c"]))
t = "base"
u = t
u += "-more"
print(t, u)

pairs = [(3, "c"), (1, "b"), (3, "a"), (2.5,), (1, "a")][:2] + [(3, "a"), (1, "a")]
print(sorted(pairs))
print(sorted([(nan, 1), (1.0, 2), (nan, 0), (0.5, 3)]))
print(sorted([("b", 2), ("a", 3), ("b", 1), ("a", 1)], reverse=True))
print(sorted([(2**70, 1), (1, 2)]))
print(sorted([(x % 3, -x) for x in range(10)]))

class P:
    def __init__(self, order):
        for name in order:
            setattr(self, name, name.upper())

def read(objs):
    return [(o.a, o.b) for o in objs]

objs = [P("ab"), P("ba"), P("ab")]
print(read(objs))
del objs[1].a
objs[1].a = "new"
print(read(objs))

def write(objs):
    for i, o in enumerate(objs):
        o.b = i
    return [o.__dict__ for o in objs]

print(write([P("ab"), P("ba"), P("b")]))

items = [1, 2, 3]
seen = []
for x in items:
    seen.append(x)
    if x == 2:
        items.append(4)
print(seen)
it = iter([1, 2])
print(list(it), list(it))
print(sys.getrefcount(1.5e300 * 1.0) >= 1)
