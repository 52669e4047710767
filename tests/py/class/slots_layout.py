# __slots__: member descriptors, no __dict__, layout conflicts, mangling, gc.
import gc
class Node:
    __slots__ = ("value", "next", "__weakref__")
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
    def __repr__(self):
        return f"Node({self.value!r})"
a = Node(1); b = Node(2, a); a.next = b
del a, b
print(gc.collect() >= 2)
class A:
    __slots__ = ("x",)
class B:
    __slots__ = ("y",)
try:
    class C(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class D(A):
    __slots__ = ("__dict__", "__secret")
    def __init__(self):
        self.x = 1
        self.__secret = 2
        self.other = 3
    def show(self):
        return self.__secret
d = D()
print(d.x, d.show(), d.other, d.__dict__, sorted(k for k in D.__dict__ if not k.startswith("__")), D._D__secret)
try:
    class E:
        __slots__ = ("v",)
        v = 5
except ValueError as e:
    print(type(e).__name__, e)
try:
    class F(int):
        __slots__ = ("v",)
except TypeError as e:
    print(type(e).__name__, e)
class G(int):
    __slots__ = ()
print(G(5) + 1, hasattr(G(5), "__dict__"))
try:
    class H:
        __slots__ = (1,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    class H2:
        __slots__ = ("a b",)
except TypeError as e:
    print(type(e).__name__, e)
class P:
    __slots__ = ["_x"]
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v
p = P(); p.x = 10
print(p.x, P._x, repr(P._x), P._x.__name__)
try:
    P._x.__get__(5, int)
except TypeError as e:
    print(type(e).__name__, e)
objs = [Node(i) for i in range(10000)]
print(sum(o.value for o in objs))
del objs
class Q(Node):
    pass
q = Q(3)
q.extra = 1
print(q.value, q.extra, vars(q))
try:
    vars(Node(1))
except TypeError as e:
    print(type(e).__name__, e)
print(dir(Node(1))[-3:])
class R(Node):
    __slots__ = ("w",)
r = R(1)
r.w = [r]
try:
    r.q = 2
except AttributeError as e:
    print(type(e).__name__, e)
del r
print(gc.collect() >= 0)
