# A decorator that takes arguments.
def repeat(times):
    def decorate(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorate
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("x"))
def tag(label):
    return lambda f: lambda *a: label + ":" + str(f(*a))
@tag("sq")
def square(n):
    return n * n
print(square(7))
