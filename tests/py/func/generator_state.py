# Several generators from the same function keep separate state.
def squares():
    n = 0
    while True:
        yield n * n
        n += 1
a = squares()
b = squares()
print(next(a), next(a), next(a))
print(next(b))
print(next(a))
print([next(b) for _ in range(3)])
