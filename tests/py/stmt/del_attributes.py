# del of attributes.
class C:
    pass
c = C()
c.x = 1
c.y = 2
del c.x
print(hasattr(c, "x"), hasattr(c, "y"))
try:
    del c.x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    print(c.x)
except AttributeError as e:
    print(type(e).__name__, e)
