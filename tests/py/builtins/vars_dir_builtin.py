# vars() and dir() of objects and modules.
class C:
    def __init__(self):
        self.a = 1
        self.b = 2
print(vars(C()))
print([n for n in dir(C()) if not n.startswith("_")])
print("append" in dir([]), "upper" in dir(""), "keys" in dir({}))
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
