# Multiple inheritance and the C3 method resolution order.
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B"
class C(A):
    def who(self):
        return "C"
class D(B, C):
    pass
print([k.__name__ for k in D.__mro__])
print(D().who())
class E(C, B):
    pass
print([k.__name__ for k in E.__mro__])
print(E().who())
