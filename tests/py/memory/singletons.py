# mode: both
# True, False, None, Ellipsis and NotImplemented are singletons.
t = 1 == 1
f = 1 == 2
print(t is True, f is False, bool(5) is True, bool("") is False)
e = ...
print(e is Ellipsis, [e][0] is Ellipsis)
def give_up():
    return NotImplemented

print(give_up() is NotImplemented)
print(type(None)() is None, type(True)(0) is False)
