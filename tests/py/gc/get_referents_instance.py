# mode: both
# get_referents() of an instance: its attribute values and its class
# (CPython keeps the attributes inline until __dict__ is requested).
import gc

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(3, [4])
r = gc.get_referents(p)
print(r)
print(r[-1] is Point)
p.__dict__
r = gc.get_referents(p)
print(r)
print(r[0] is p.__dict__, r[1] is Point)
