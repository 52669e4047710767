# pop and popitem.
d = {"a": 1, "b": 2, "c": 3}
print(d.pop("b"), d)
print(d.pop("zzz", "fallback"))
try:
    d.pop("zzz")
except KeyError as e:
    print(type(e).__name__, e)
print(d.popitem(), d.popitem(), d)
try:
    d.popitem()
except KeyError as e:
    print(type(e).__name__, e)
