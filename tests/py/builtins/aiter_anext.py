for f in (aiter, anext):
    try:
        f([])
    except TypeError as e:
        print(e)
class A:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 42
print(aiter(A()).__class__.__name__, anext(A()))
class B:
    def __aiter__(self):
        return 1
try:
    aiter(B())
except TypeError as e:
    print(e)
try:
    after
except NameError as e:
    print(e)
