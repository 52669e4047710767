# del of names.
x = 1
y = 2
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
print(y)
a, b = 1, 2
del a, b
print("a" in globals(), "b" in globals())
x = 3
print(x)
