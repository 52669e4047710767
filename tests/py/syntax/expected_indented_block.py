# A function body that is not indented.
print("start")
def f():
return 1
print(f())
