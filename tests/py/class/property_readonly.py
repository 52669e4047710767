# A property without a setter cannot be assigned.
class Circle:
    def __init__(self, r):
        self.r = r
    @property
    def diameter(self):
        return self.r * 2
c = Circle(2)
print(c.diameter)
c.r = 5
print(c.diameter)
try:
    c.diameter = 1
except AttributeError as e:
    print(type(e).__name__, e)
