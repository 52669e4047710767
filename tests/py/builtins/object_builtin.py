# object() instances have identity but no attributes.
o = object()
p = object()
print(o == o, o == p, o is not p, type(o).__name__)
try:
    o.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(isinstance(o, object), isinstance(5, object), isinstance(object, object))
print(str(o).startswith("<object object at 0x"))
