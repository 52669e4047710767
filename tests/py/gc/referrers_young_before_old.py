# mode: both
# get_referrers lists referrers generation by generation, youngest first:
# the module's namespace, made at start-up, is old in CPython (its
# start-up collections promoted it), so a new list comes before it.
import gc
class Box:
    def __init__(self):
        self.items = []
b = Box()
b.items.append(b)
refs = gc.get_referrers(b)
print(len(refs), type(refs[0]).__name__)
print([type(x).__name__ for x in gc.get_referents(b)])
print(gc.get_referents(b.items) == [b])
