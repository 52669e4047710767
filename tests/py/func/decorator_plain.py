# A plain decorator wrapping a function.
def trace(func):
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, args, kwargs)
        result = func(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper
@trace
def add(a, b):
    return a + b
add(1, 2)
add(a=3, b=4)
print(add.__name__)
