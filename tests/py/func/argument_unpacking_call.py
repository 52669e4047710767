# Unpacking sequences and dicts in calls.
def f(a, b, c):
    return a * 100 + b * 10 + c
args = (1, 2, 3)
print(f(*args))
print(f(*"123" and (4, 5, 6)))
print(f(1, *[2, 3]))
print(f(**{"c": 9, "b": 8, "a": 7}))
print(f(1, *(2,), **{"c": 3}))
print(*[1, 2, 3], sep="-")
try:
    f(**{"a": 1, "b": 2, "d": 3})
except TypeError as e:
    print(type(e).__name__, e)
