# mode: both
# A closure keeps the objects it captures alive.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("deleted", self.name)

def make():
    obj = Noisy("captured")
    def inner():
        return obj.name
    return inner

f = make()
print("made", f())
del f
print("closure deleted")
