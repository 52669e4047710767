# iter and next, with and without a default.
it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e))
s = iter("ab")
print(next(s), list(s), list(s))
d = iter({"k": 1, "j": 2})
print(next(d))
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
