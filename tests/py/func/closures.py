# Closures capture variables, not values.
def make_adders():
    adders = []
    for i in range(3):
        adders.append(lambda x: x + i)
    return adders
print([f(10) for f in make_adders()])
def make_adders_fixed():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders_fixed()])
def outer(msg):
    def inner():
        return msg * 2
    return inner
print(outer("ab")())
