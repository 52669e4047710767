# mode: both
# Clearing a list frees its elements in order.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("deleted", self.name)

lst = [Noisy("a"), Noisy("b"), Noisy("c")]
lst.clear()
print("cleared")
lst = [Noisy("d"), Noisy("e")]
del lst
print("list deleted")
