# A class decorator receives and returns the class.
registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls
@register
class One:
    pass
@register
class Two:
    pass
print(registry)
print(One.registered, Two().registered)
def add_greet(cls):
    cls.greet = lambda self: "hello from " + type(self).__name__
    return cls
@add_greet
class Three:
    pass
print(Three().greet())
