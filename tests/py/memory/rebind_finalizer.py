# mode: both
# Rebinding a name releases the old object.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("deleted", self.name)

x = Noisy("first")
x = Noisy("second")
print("rebound")
x = None
print("set to None")
