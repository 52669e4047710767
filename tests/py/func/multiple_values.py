# TypeError when an argument is given both by position and by keyword.
def f(a, b):
    return a + b
try:
    f(1, a=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1, 2, b=3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1, **{"a": 5})
except TypeError as e:
    print(type(e).__name__, e)
