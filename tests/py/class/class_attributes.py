# Class attributes versus instance attributes.
class Counter:
    total = 0
    items = []
    def __init__(self, name):
        self.name = name
        Counter.total += 1
        self.items.append(name)
a = Counter("a")
b = Counter("b")
print(Counter.total, a.total, b.total)
print(Counter.items, a.items is b.items)
a.total = 99
print(a.total, b.total, Counter.total)
del a.total
print(a.total)
