# mode: both
# A temporary object is freed right after the expression that used it.
class Noisy:
    def __init__(self, name):
        self.name = name
    def value(self):
        return len(self.name)
    def __del__(self):
        print("deleted", self.name)

n = Noisy("temp").value()
print("value", n)
print(Noisy("arg").value() + 1)
