# The default repr shows module, class name and address.
class Plain:
    pass
p = Plain()
print(repr(p))
print(str(p) == repr(p))
print(repr(p).startswith("<__main__.Plain object at 0x"))
print(Plain)
