# An uncaught exception raised several calls deep.
def level3(x):
    return x / 0
def level2(x):
    return level3(x) + 1
def level1(x):
    return level2(x) * 2
print("calling")
level1(5)
print("not reached")
