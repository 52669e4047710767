# Keyword-only parameters after * and *args.
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2))
print(f(1, c=4, b=5))
try:
    f(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1)
except TypeError as e:
    print(type(e).__name__, e)
def g(*args, sep="-"):
    return sep.join(args)
print(g("a", "b"), g("a", "b", sep="+"))
