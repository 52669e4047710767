import gc

def f(a=1, *, b=2):
    return a

f.x = 1
print(f.__dict__)
print([type(x).__name__ for x in gc.get_referents(f)])

def g():
    "doc"

print([type(x).__name__ for x in gc.get_referents(g)])
g.__dict__ = {"y": 2}
print(g.y, g.__dict__)
g.__doc__ = None
print(g.__doc__)
del g.__doc__
print(g.__doc__, [type(x).__name__ for x in gc.get_referents(g)])
for bad in (3, None):
    try:
        f.__dict__ = bad
    except TypeError as e:
        print(e)
try:
    del f.__dict__
except TypeError as e:
    print(e)
