def gen(n):
    yield from gen(n + 1)

try:
    list(gen(0))
except RecursionError as e:
    print(type(e).__name__, e)

def nested(n):
    for x in nested(n + 1):
        yield x

try:
    next(nested(0))
except RecursionError as e:
    print(type(e).__name__, e)
print("ok")
