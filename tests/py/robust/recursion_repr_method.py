class A:
    def __repr__(self):
        return repr(self)

try:
    repr(A())
except RecursionError as e:
    print(type(e).__name__, e)

class B:
    def __eq__(self, other):
        return self == other

try:
    B() == B()
except RecursionError as e:
    print(type(e).__name__, e)

class C:
    def __hash__(self):
        return hash(self)

try:
    hash(C())
except RecursionError as e:
    print(type(e).__name__, e)

class D:
    def __getattr__(self, name):
        return self.missing

try:
    D().x
except RecursionError as e:
    print(type(e).__name__, e)
print("ok")
