# __eq__ and __hash__ for use in sets and dicts.
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
    def __repr__(self):
        return "Key(" + str(self.k) + ")"
print(Key(1) == Key(1), Key(1) != Key(2), Key(1) == 1)
s = {Key(1), Key(1), Key(2)}
print(len(s))
d = {Key(3): "three"}
print(d[Key(3)])
class NoHash:
    def __eq__(self, other):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print(type(e).__name__, e)
