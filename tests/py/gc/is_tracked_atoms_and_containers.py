# mode: both
import gc
print(gc.is_tracked(1), gc.is_tracked('a'), gc.is_tracked(None))
print(gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({'a': 1}))
print(gc.is_tracked({'a': []}), gc.is_tracked({1: (1, 2)}))
d = {}
print(gc.is_tracked(d))
d['x'] = 1
print(gc.is_tracked(d))
d['y'] = [1]
print(gc.is_tracked(d))
del d['y']
print(gc.is_tracked(d))
t = (1, 2)
print(gc.is_tracked(t))
x = 5
t2 = (x, 'a')
print(gc.is_tracked(t2))
gc.collect()
print(gc.is_tracked(t2))
t3 = (x, [])
gc.collect()
print(gc.is_tracked(t3))
t4 = (x, (x, 2))
gc.collect()
print(gc.is_tracked(t4), gc.is_tracked(t4[1]))
print(gc.is_tracked(set()), gc.is_tracked(frozenset()), gc.is_tracked(frozenset([1])))
class C: pass

c = C()
print(gc.is_tracked(c), gc.is_tracked(C), gc.is_tracked(lambda: 0))
print(gc.is_tracked(c.__dict__))
c.a = 1
print(gc.is_tracked(c.__dict__))
print(gc.is_tracked(1.5), gc.is_tracked(b'x'))
print(gc.is_tracked(range(3)), gc.is_tracked(iter([])), gc.is_tracked(slice(1)))
d2 = dict(a=1, b=2)
print(gc.is_tracked(d2), gc.is_tracked(dict(d2)), gc.is_tracked(d2.copy()))
d3 = {'a': 'b'}
d3.update({'c': []})
print(gc.is_tracked(d3))
