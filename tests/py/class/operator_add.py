# __add__, __radd__ and __iadd__.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    def __radd__(self, other):
        print("radd called")
        return self.__add__(other)
    def __repr__(self):
        return "Money(" + str(self.cents) + ")"
print(Money(5) + Money(7))
print(Money(5) + 1)
print(1 + Money(5))
print(sum([Money(1), Money(2)]))
try:
    Money(1) + "x"
except TypeError as e:
    print(type(e).__name__, e)
