# __getattr__ is called only for missing attributes.
class Proxy:
    def __init__(self):
        self.real = "real attribute"
    def __getattr__(self, name):
        if name.startswith("x"):
            return "computed " + name
        raise AttributeError("no " + name)
p = Proxy()
print(p.real)
print(p.xyz)
print(getattr(p, "x1"))
try:
    p.other
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(p, "xa"), hasattr(p, "ya"))
