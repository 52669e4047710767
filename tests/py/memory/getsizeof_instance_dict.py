# mode: both
import sys
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(sys.getsizeof(p))
print(sys.getsizeof(p.__dict__))
q = Point(3, 4)
print(sys.getsizeof(q.__dict__))
q.z = 5
print(sys.getsizeof(q.__dict__), sys.getsizeof(p.__dict__))
class Empty:
    pass

e = Empty()
print(sys.getsizeof(e), sys.getsizeof(e.__dict__))
e.a = 1
print(sys.getsizeof(e.__dict__))
d = vars(e)
d['b'] = 2
print(sys.getsizeof(d))
d.clear()
print(sys.getsizeof(d))
plain = {'x': 1, 'y': 2}
print(sys.getsizeof(plain))
