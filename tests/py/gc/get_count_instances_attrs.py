# mode: both
# Generation-0 counts when creating instances (script mode only).
import gc
gc.disable()
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Q:
    pass

gc.collect()
c0 = gc.get_count()[0]
ps = [P(i, i) for i in range(50)]
c1 = gc.get_count()[0]
print('50 P', c1 - c0)
qs = [Q() for i in range(50)]
c2 = gc.get_count()[0]
for q in qs:
    q.a = 1

c3 = gc.get_count()[0]
print('attrs', c3 - c2)
ds = [q.__dict__ for q in qs[:10]]
c4 = gc.get_count()[0]
print('dicts', c4 - c3)
del ps
c5 = gc.get_count()[0]
print('del ps', c5 - c4)
del qs, ds
c6 = gc.get_count()[0]
print('del qs', c6 - c5)
print(gc.collect(), gc.get_count())
