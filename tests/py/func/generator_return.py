# A generator's return value travels in StopIteration.value.
def gen():
    yield 1
    return "result"
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
def empty():
    return
    yield
print(list(empty()))
