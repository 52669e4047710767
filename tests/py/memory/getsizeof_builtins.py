# mode: both
import sys
print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2**30), sys.getsizeof(2**60), sys.getsizeof(-1))
print(sys.getsizeof(''), sys.getsizeof('a'), sys.getsizeof('abc'), sys.getsizeof('é'), sys.getsizeof('€'), sys.getsizeof('😀'))
print(sys.getsizeof([]), sys.getsizeof([1]), sys.getsizeof([1, 2, 3]))
l = []
sizes = []
for i in range(20):
    l.append(i)
    sizes.append(sys.getsizeof(l))

print(sizes)
print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2, 3)))
print(sys.getsizeof({}), sys.getsizeof({'a': 1}), sys.getsizeof(dict(a=1, b=2, c=3, d=4, e=5, f=6)))
d = {}
ds = []
for i in range(12):
    d[i] = i
    ds.append(sys.getsizeof(d))

print(ds)
print(sys.getsizeof(set()), sys.getsizeof({1, 2, 3}), sys.getsizeof(frozenset()))
print(sys.getsizeof(1.5), sys.getsizeof(True), sys.getsizeof(None), sys.getsizeof(b''), sys.getsizeof(b'abc'))
class C:
    pass

class D:
    def __init__(self):
        self.a = 1
        self.b = 2

print(sys.getsizeof(C()), sys.getsizeof(D()))
print(sys.getsizeof(range(10)), sys.getsizeof(lambda: 0) > 0)
print(sys.getsizeof([0] * 10), sys.getsizeof([None] * 100), sys.getsizeof(list(range(10))))
print(sys.getsizeof([i for i in range(10)]), sys.getsizeof('x' * 100))
