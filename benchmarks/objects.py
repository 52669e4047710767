# objects: class instances, attribute reads and writes, method calls,
# inheritance with super(), properties, __init__, dunder operators
# (__add__, __eq__, __hash__), a class attribute counter.  Scale
# multiplies the iteration count.
import sys

class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def scaled(self, k):
        return Vec(self.x * k, self.y * k)

class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        return 0

    def describe(self):
        return self.name + ":" + str(self.area())

class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    @property
    def perimeter(self):
        return 2 * (self.w + self.h)

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"

class Counter:
    def __init__(self):
        self.n = 0
        self.total = 0

    def add(self, v):
        self.n += 1
        self.total += v
        return self

    def mean(self):
        return self.total // self.n if self.n else 0

def main(scale):
    n = max(10, int(176000 * scale))
    acc = Vec(0, 0)
    c = Counter()
    seen = set()
    per = 0
    desc = 0
    for i in range(n):
        v = Vec(i % 17, i % 23)
        acc = acc + v.scaled(2)
        c.add(v.dot(acc) % 1000)
        seen.add(v)
        s = Square(i % 9 + 1) if i & 1 else Rect(i % 7 + 1, i % 5 + 1)
        per += s.perimeter
        desc += len(s.describe())
    print("objects", n, acc.x, acc.y, c.n, c.mean(), len(seen), per, desc, Shape.count)

main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
