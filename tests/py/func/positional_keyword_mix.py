# Mixing positional and keyword arguments with all parameter kinds.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9))
print(f(c=1, a=2))
print(f(*[1, 2, 3], **{"c": 4, "x": 5}))
