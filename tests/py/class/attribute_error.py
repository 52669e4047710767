# AttributeError messages for instances and classes.
class C:
    pass
c = C()
try:
    c.x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    C.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1).foo
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "s".nope()
except AttributeError as e:
    print(type(e).__name__, e)
try:
    None.attr
except AttributeError as e:
    print(type(e).__name__, e)
