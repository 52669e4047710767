# isinstance and issubclass with tuples of types.
print(isinstance(1, (str, int)), isinstance(1.0, (str, int)))
print(isinstance("x", (list, (tuple, str))))
print(isinstance(True, int), isinstance(1, bool))
print(issubclass(bool, (str, int)), issubclass(int, object))
try:
    isinstance(1, 1)
except TypeError as e:
    print(type(e).__name__, e)
