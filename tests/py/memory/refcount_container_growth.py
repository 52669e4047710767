# mode: both
import sys
x = object()
r0 = sys.getrefcount(x)
lst = []
for i in range(5):
    lst.append(x)

print(sys.getrefcount(x) - r0)
st = {x}
print(sys.getrefcount(x) - r0)
tp = tuple(lst)
print(sys.getrefcount(x) - r0)
dd = dict.fromkeys(range(3), x)
print(sys.getrefcount(x) - r0)
dk = {x: 1}
print(sys.getrefcount(x) - r0)
lst.clear()
print(sys.getrefcount(x) - r0)
del st, tp, dd, dk
print(sys.getrefcount(x) - r0)
nested = [[x], [x, [x]]]
print(sys.getrefcount(x) - r0)
nested[1] = None
print(sys.getrefcount(x) - r0)
copy = nested.copy()
print(sys.getrefcount(x) - r0)
