# KeyError messages.
d = {"a": 1}
try:
    d["missing"]
except KeyError as e:
    print(type(e).__name__, e, e.args)
try:
    d[42]
except KeyError as e:
    print(type(e).__name__, e)
try:
    d[(1, "x")]
except KeyError as e:
    print(type(e).__name__, e)
try:
    del d["nope"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    d[""]
except KeyError as e:
    print(type(e).__name__, e)
