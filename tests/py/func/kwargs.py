# **kwargs collects extra keyword arguments.
def f(a, **kwargs):
    return a, kwargs
print(f(1))
print(f(1, b=2, c=3))
def describe(**info):
    for key in info:
        print(key, "=", info[key])
describe(name="x", size=3)
opts = {"b": 2, "a": 1}
print(f(**opts))
print(f(0, **{"z": 26}))
