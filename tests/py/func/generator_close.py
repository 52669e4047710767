# Generators with try/finally when closed or exhausted.
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
g = gen()
print(next(g))
g.close()
print("closed")
for v in gen():
    print(v)
print("loop done")
