# mode: both
# __del__ runs as soon as the last reference goes away.
class Noisy:
    def __init__(self, name):
        self.name = name
        print("created", name)
    def __del__(self):
        print("deleted", self.name)

x = Noisy("x")
y = x
del x
print("after del x")
del y
print("after del y")
