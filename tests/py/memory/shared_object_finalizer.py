# mode: both
# An object referenced from two containers lives until both let go.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("deleted", self.name)

obj = Noisy("shared")
first = [obj]
second = {"k": obj}
del obj
print("name deleted")
first.clear()
print("list cleared")
second.clear()
print("dict cleared")
