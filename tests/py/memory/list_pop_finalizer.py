# mode: both
# Popping an element frees it once nothing else refers to it.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("deleted", self.name)

lst = [Noisy("a"), Noisy("b")]
item = lst.pop()
print("popped")
del item
print("after del item")
