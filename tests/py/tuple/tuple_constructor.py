# tuple() from different iterables.
print(tuple(range(4)), tuple({"a": 1, "b": 2}), tuple(x * 2 for x in range(3)))
print(tuple((1, 2)), tuple([]), tuple("中文"))
try:
    tuple(5)
except TypeError as e:
    print(type(e).__name__, e)
