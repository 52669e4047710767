# Default values are evaluated once, when def runs.
calls = []
def make_default():
    calls.append("made")
    return len(calls)
def f(x=make_default()):
    return x
print(f(), f(), f(5))
print(calls)
def g(d={}):
    d["n"] = d.get("n", 0) + 1
    return d["n"]
print(g(), g(), g({}))
