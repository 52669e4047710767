# Representative workload for the out-of-memory sweep (oom_sweep.sh):
# classes, closures, generators, dicts, strings, exceptions, comprehensions.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

def counter():
    n = 0
    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc

def gen(n):
    for i in range(n):
        yield i * i

c = counter()
pts = [Point(i, -i) for i in range(20)]
total = Point(0, 0)
for p in pts:
    total = total + p
d = {str(i): [i, i * 2.5, (i, "x")] for i in range(30)}
s = {k for k in d if len(k) > 1}
words = " ".join(str(v) for v in gen(15)).split()
text = "-".join(w.upper() for w in words) + f"{total!r:>30}"
try:
    {}["missing"]
except KeyError as e:
    err = repr(e)
try:
    raise ValueError("bad %s" % text[:5])
except ValueError as e:
    err2 = str(e)
big = 3 ** 200 + c(5)
print(total, len(d), len(s), len(text), err, err2, big % 1000, sum(gen(10)))
