# isinstance and issubclass with classes and tuples.
class A:
    pass
class B(A):
    pass
class C:
    pass
b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C))
print(isinstance(b, (C, A)), isinstance(b, object))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)))
print(issubclass(A, A), issubclass(bool, int), isinstance(True, int))
print(isinstance(3, (str, float)), isinstance(A, type))
