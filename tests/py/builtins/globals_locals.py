# globals() and locals(), showing user names only.
x = 1
y = "two"
def f(a, b=2):
    c = a + b
    return sorted(locals())
print(f(1))
print(sorted(k for k in globals() if not k.startswith("__")))
globals()["z"] = 3
print(z)
print(locals() is globals())
