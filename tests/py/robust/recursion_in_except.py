def f(n):
    try:
        raise ValueError(n)
    except ValueError:
        return f(n + 1)

try:
    f(0)
except RecursionError as e:
    print(type(e).__name__, e)
    c = e.__context__
    print(type(c).__name__)
print("ok")
