def f(n):
    return f(n + 1)

try:
    f(0)
except RecursionError as e:
    print(type(e).__name__, e)

def g(n):
    try:
        return g(n + 1)
    except RecursionError:
        return n
print(g(0) > 100)
print("still alive")
