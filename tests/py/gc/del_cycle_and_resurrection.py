# mode: both
import gc
gc.disable()
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)

a = A('a'); b = A('b')
a.o = b; b.o = a
del a, b
print('collecting')
n = gc.collect()
print('collected', n)
print(gc.garbage)
saved = []
class R:
    def __del__(self):
        print('resurrect')
        saved.append(self)

r = R(); r.self = r
del r
print(gc.collect())
print(len(saved), saved[0].self is saved[0])
saved.clear()
print(gc.collect())
