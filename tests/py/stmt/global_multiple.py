# global with several names and reading globals without declaring them.
a = 1
b = 2
def swap():
    global a, b
    a, b = b, a
def read():
    return a * 10 + b
swap()
print(a, b, read())
def local_only():
    a = "local"
    return a
print(local_only(), a)
