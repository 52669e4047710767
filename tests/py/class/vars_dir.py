# vars() and dir() of instances and classes.
class C:
    kind = "c"
    def __init__(self):
        self.a = 1
        self.b = [2]
    def method(self):
        pass
c = C()
print(vars(c))
c.z = 0
print(vars(c))
print([n for n in dir(c) if not n.startswith("_")])
print([n for n in dir(C) if not n.startswith("_")])
print(vars(c) is c.__dict__)
