# The nonlocal statement.
def outer():
    x = 0
    def inner():
        nonlocal x
        x += 1
        return x
    inner()
    inner()
    return x
print(outer())
def make():
    a = "old"
    def set_a(v):
        nonlocal a
        a = v
    def get_a():
        return a
    return set_a, get_a
s, g = make()
print(g())
s("new")
print(g())
