# An uncaught failing assert ends the program with a traceback.
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x
print(check(5))
check(-1)
print("not reached")
