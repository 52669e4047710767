# __iadd__ mutating in place versus falling back to __add__.
class Bag:
    def __init__(self):
        self.items = []
    def __iadd__(self, item):
        self.items.append(item)
        return self
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return Num(self.v + other)
b = Bag()
alias = b
b += "x"
b += "y"
print(alias.items, b is alias)
n = Num(1)
m = n
n += 5
print(n.v, m.v, n is m)
