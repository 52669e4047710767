# mode: both
# Objects held by a generator frame are freed when the generator is.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("deleted", self.name)

def gen():
    held = Noisy("held")
    yield 1
    yield 2

g = gen()
print(next(g))
del g
print("generator deleted")
