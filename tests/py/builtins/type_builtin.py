# type() of various objects.
for obj in [1, 1.5, "s", b"b", [], (), {}, set(), frozenset(), None, True, range(1), len, type, object()]:
    print(type(obj).__name__)
print(type(1) is int, type(True) is bool, type(type(1)) is type)
class C:
    pass
print(type(C()).__name__, type(C).__name__, type(C()) is C)
