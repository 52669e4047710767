# Deleting names used as loop variables and rebinding them.
for i in range(3):
    pass
del i
try:
    i
except NameError as e:
    print(type(e).__name__, e)
for i in range(2):
    print(i)
def f():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return type(e).__name__ + ": " + str(e)
print(f())
