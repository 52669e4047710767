# A function definition without the trailing colon.
print("start")
def f(a, b)
    return a + b
print(f(1, 2))
