# Generators run lazily, step by step.
def gen():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")
g = gen()
print("created")
for value in g:
    print("got", value)
print(list(g))
