# Name mangling of double-underscore attributes.
class A:
    def __init__(self):
        self.__secret = "a"
        self._hint = "h"
    def reveal(self):
        return self.__secret
class B(A):
    def __init__(self):
        super().__init__()
        self.__secret = "b"
b = B()
print(b.reveal(), b._hint)
print(sorted(vars(b)))
try:
    b.__secret
except AttributeError as e:
    print(type(e).__name__, e)
