# Default argument values.
def greet(name, greeting="hello", punct="!"):
    return greeting + " " + name + punct
print(greet("ann"))
print(greet("bob", "hi"))
print(greet("cy", punct="?"))
print(greet(greeting="yo", name="dee"))
x = 10
def f(a=x):
    return a
x = 20
print(f())
