# An uncaught exception raised inside a generator shows the generator frame.
def numbers():
    yield 1
    yield 2
    raise RuntimeError("generator failed")
total = 0
for n in numbers():
    total += n
    print("got", n)
print("total", total)
