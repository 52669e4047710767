# mode: both
# get_objects() shows instances but not the attribute storage CPython
# keeps inline in them.
import gc

class Item:
    def __init__(self, n):
        self.n = n
        self.tags = []

def count(cls):
    return sum(1 for o in gc.get_objects() if type(o) is cls)

ignored = gc.collect()
items = [Item(i) for i in range(5)]
print(count(Item))
owned = [o for o in gc.get_objects() if type(o) is dict and "tags" in o]
print(len(owned))
vars(items[0])
owned = [o for o in gc.get_objects() if type(o) is dict and "tags" in o]
print(len(owned))
