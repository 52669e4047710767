# A class with only __getitem__ is iterable until IndexError.
class Squares:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError("out of range")
        return i * i
print(list(Squares(5)))
print(9 in Squares(4), 10 in Squares(4))
for x in Squares(3):
    print(x)
