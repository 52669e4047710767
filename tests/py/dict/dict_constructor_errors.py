# Errors from the dict constructor and unhashable keys.
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    {["list"]: 1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}.get([])
except TypeError as e:
    print(type(e).__name__, e)
