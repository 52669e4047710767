# The same keyword argument given twice.
def f(a):
    return a
print("start")
print(f(a=1, a=2))
