# mode: both
import gc
class X:
    pass

x = X()
holder = [x]
d = {'x': x}
refs = gc.get_referrers(x)
print(sorted(type(r).__name__ for r in refs if r is holder or r is d))
print(any(r is holder for r in refs), any(r is d for r in refs))
print(gc.get_referents([1, 'a', None]))
print(len(gc.get_referents({'a': 1})))
y = X(); y.v = 42
rs = gc.get_referents(y)
print(sorted(type(r).__name__ for r in rs))
print(gc.get_referents((1, 2), [3]))
print(gc.get_referents(1, 'x'))
