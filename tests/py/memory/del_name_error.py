# mode: both
# del removes the name; using it afterwards raises NameError.
x = [1, 2, 3]
y = x
del x
print(y)
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
