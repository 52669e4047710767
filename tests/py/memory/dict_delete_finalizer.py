# mode: both
# Deleting a dict entry or the whole dict frees the values.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("deleted", self.name)

d = {"a": Noisy("a"), "b": Noisy("b")}
del d["a"]
print("deleted key a")
d["b"] = Noisy("b2")
print("replaced b")
d = {}
print("rebound d")
