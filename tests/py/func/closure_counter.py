# A counter built from a closure with nonlocal.
def counter(start=0):
    count = start
    def step(by=1):
        nonlocal count
        count += by
        return count
    return step
c1 = counter()
c2 = counter(100)
print(c1(), c1(), c1(5))
print(c2(), c1())
