# Methods inherited from object: __eq__ identity, __ne__ and __hash__.
class Thing:
    pass
a = Thing()
b = Thing()
print(a == a, a == b, a != b)
print(hash(a) == hash(a))
s = {a, b, a}
print(len(s))
print(isinstance(a, object), issubclass(Thing, object))
print(Thing.__mro__[-1].__name__)
