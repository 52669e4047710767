# mode: both
# None is a singleton; compare with 'is'.
x = None
def nothing():
    pass

print(x is None, nothing() is None, type(None)() is None)
y = [None][0]
print(y is x, x is not None)
