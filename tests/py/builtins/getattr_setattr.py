# getattr, setattr, hasattr and delattr.
class C:
    cls_attr = "class"
c = C()
setattr(c, "x", 10)
print(getattr(c, "x"), getattr(c, "cls_attr"), getattr(c, "y", "default"))
print(hasattr(c, "x"), hasattr(c, "y"), hasattr(C, "cls_attr"))
delattr(c, "x")
print(hasattr(c, "x"))
try:
    getattr(c, "x")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(c, "nope")
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr("abc", "upper")())
