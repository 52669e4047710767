# int, float, bool, str and repr conversions.
print(int("42"), int(4.9), int(-4.9), int(True))
print(float("1.5"), float(2), float("-inf"))
print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool())
print(str(12), str(1.0), repr("a"), repr(1.0), repr(None))
print(list((1, 2)), tuple([1, 2]), set([1, 1]), frozenset([2, 2]))
print(dict([(1, 2)]), dict(a=1), list({"k": 1}))
