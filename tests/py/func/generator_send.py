# send() passes values into a running generator.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
g = accumulator()
print(next(g))
print(g.send(5))
print(g.send(10))
try:
    g.send(None)
except StopIteration:
    print("stopped")
g2 = accumulator()
try:
    g2.send(1)
except TypeError as e:
    print(type(e).__name__, e)
