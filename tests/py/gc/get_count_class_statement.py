# mode: both
# gc.get_count() while classes are created: CPython allocates the class,
# its dict, the bases and mro tuples, the __dict__/__weakref__ getset
# descriptors, a weak reference in the base's subclass list and a copy
# of the namespace for __set_name__, plus the argument tuple of the call
# type(name, bases, namespace) (type has no vectorcall for three
# arguments).
import gc

class Base:
    def f(self):
        return 1

if 1:
    ignored = gc.collect()
    c0 = gc.get_count()[0]
    class A:
        pass
    c1 = gc.get_count()[0]
    class B(Base):
        def g(self):
            return 2
        def h(self):
            return 3
    c2 = gc.get_count()[0]
    class S:
        __slots__ = ('b', 'a')
    c3 = gc.get_count()[0]
    class L:
        __slots__ = ['y', 'x', '__weakref__']
    c4 = gc.get_count()[0]
    T = type('T', (Base,), {'k': 1})
    c5 = gc.get_count()[0]

print('class A', c1 - c0)
print('class B(Base)', c2 - c1)
print('tuple __slots__', c3 - c2)
print('list __slots__', c4 - c3)
print('type()', c5 - c4)
# The slot members are created in sorted order of their names.
print([k for k in S.__dict__ if k in ('a', 'b')], S.__slots__)
print([k for k in L.__dict__ if k in ('x', 'y', '__weakref__')], L.__slots__)
