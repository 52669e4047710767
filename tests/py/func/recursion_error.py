# Unbounded recursion raises RecursionError.
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, "caught")
def f():
    return f()
try:
    f()
except RecursionError:
    print("caught again")
print("still running")
