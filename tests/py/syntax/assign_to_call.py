# A function call on the left-hand side of '='.
def f():
    return 1
print("start")
f() = 2
