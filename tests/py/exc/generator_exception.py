# Exceptions escaping from generators.
def gen():
    yield 1
    raise ValueError("from generator")
    yield 2
g = gen()
print(next(g))
try:
    next(g)
except ValueError as e:
    print(type(e).__name__, e)
print(next(g, "exhausted after error"))
def bad():
    yield 1 / 0
try:
    list(bad())
except ZeroDivisionError as e:
    print(type(e).__name__, e)
