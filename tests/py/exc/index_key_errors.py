# IndexError and KeyError messages.
try:
    [1, 2][5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    (1,)[-3]
except IndexError as e:
    print(type(e).__name__, e)
try:
    "abc"[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    {"a": 1}["b"]
except KeyError as e:
    print(type(e).__name__, e, repr(e))
try:
    {}[(1, 2)]
except KeyError as e:
    print(type(e).__name__, e)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
