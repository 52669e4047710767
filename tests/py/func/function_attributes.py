# Functions are objects with a name and can be stored and passed around.
def add(a, b):
    return a + b
def sub(a, b):
    return a - b
ops = {"+": add, "-": sub}
for sym in ["+", "-"]:
    print(sym, ops[sym](10, 3), ops[sym].__name__)
def apply(f, *args):
    return f(*args)
print(apply(max, 3, 9, 2))
print(callable(add), callable(3))
print(type(add).__name__)
