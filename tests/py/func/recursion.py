# Recursive functions.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
print(fact(30))
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
def flatten(x):
    if isinstance(x, list):
        return [y for item in x for y in flatten(item)]
    return [x]
print(flatten([1, [2, [3, [4]], 5]]))
