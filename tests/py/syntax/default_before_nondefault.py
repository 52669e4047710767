# A parameter without default after one with a default.
print("start")
def f(a=1, b):
    return a + b
print(f(2))
