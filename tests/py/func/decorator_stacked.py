# Several decorators apply bottom-up.
def deco(name):
    def decorate(func):
        print("decorating with", name)
        def wrapper():
            return name + "(" + func() + ")"
        return wrapper
    return decorate
@deco("outer")
@deco("inner")
def base():
    return "base"
print(base())
