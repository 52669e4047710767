# Class __annotations__: the class's own dict, created empty on first
# access; builtin types have none.
class A:
    pass
class B(A):
    x: int = 1
    y: "list[str]"
class C(B):
    pass
print(A.__annotations__, B.__annotations__, C.__annotations__, "__annotations__" in A.__dict__)
C.__annotations__ = {"z": float}
print(C.__annotations__, B.__annotations__)
try:
    int.__annotations__
except AttributeError as e:
    print(type(e).__name__, e)
