# __class__, type() and __name__.
class Foo:
    pass
class Bar(Foo):
    pass
f = Bar()
print(f.__class__.__name__, type(f).__name__)
print(f.__class__ is Bar, type(f) is Foo)
print(Bar.__name__, [c.__name__ for c in Bar.__mro__])
print(type(1).__name__, type("").__name__, type(None).__name__)
print(type(type).__name__, type(len).__name__)
