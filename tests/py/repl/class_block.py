# mode: both
# A class definition block, then displaying an instance.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "Point(" + str(self.x) + ", " + str(self.y) + ")"

p = Point(1, 2)
p
[p, Point(3, 4)]
p.x + p.y
print("p is", p)
