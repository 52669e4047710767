# mode: both
# A constant in a function and at module level is one object when both
# are in the same compilation unit.
a = 257
def f():
    return 257

print(f() is a, f() == a)
print(f() is f())
