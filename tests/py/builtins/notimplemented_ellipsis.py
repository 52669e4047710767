# NotImplemented and Ellipsis singletons.
print(NotImplemented, Ellipsis, ...)
print(... is Ellipsis, type(...).__name__, type(NotImplemented).__name__)
class A:
    def __eq__(self, other):
        return NotImplemented
print(A() == A(), A() != 1)
def placeholder():
    ...
print(placeholder())
