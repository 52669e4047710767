# Functions defined inside functions and scope lookup.
x = "global"
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
def shadow():
    def x():
        return "x is a function here"
    return x()
print(shadow(), x)
