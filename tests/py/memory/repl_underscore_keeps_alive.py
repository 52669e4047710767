# mode: both
# In the REPL a displayed value is kept alive by '_'.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Noisy(" + repr(self.name) + ")"
    def __del__(self):
        print("deleted", self.name)

lst = [Noisy("a")]
lst.pop()
print("after pop")
0
print("after 0")
