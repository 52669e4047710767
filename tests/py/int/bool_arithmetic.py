# bool is a subclass of int.
print(True + True, True * 10, False - 1)
print(True / 2, True // 1, -True, ~True)
print(sum([True, False, True, True]))
print(True == 1, False == 0, True == 1.0)
print(isinstance(True, int), type(True + 0).__name__)
print(True & False, True | False, True ^ True)
print(type(True & False).__name__, type(True & 1).__name__)
