# callable() of functions, classes, instances and others.
class C:
    def method(self):
        pass
class D:
    def __call__(self):
        return "called"
print(callable(len), callable(print), callable(C), callable(C()), callable(D()))
print(callable(C().method), callable(lambda: 0), callable(1), callable("s"), callable(None))
print(D()())
