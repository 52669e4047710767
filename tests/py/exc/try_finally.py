# finally runs on normal exit, on exception and on return.
def f(x):
    try:
        if x == 0:
            raise ValueError("zero")
        return "returned " + str(x)
    finally:
        print("finally for", x)
print(f(1))
try:
    f(0)
except ValueError as e:
    print("caught", e)
