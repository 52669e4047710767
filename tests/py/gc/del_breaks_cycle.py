# mode: both
# A finalizer that breaks the cycle frees the objects during the
# collection: no object is freed twice, none is counted as still garbage.
import gc

class Link:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
        self.other = None

ignored = gc.collect()
a = Link("a")
b = Link("b")
a.other = b
b.other = a
del a, b
print(gc.collect())
print(gc.collect())
