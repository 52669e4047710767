# mode: both
# The collection result counts every unreachable container.
import gc

class Pair:
    def __init__(self):
        self.other = None

ignored = gc.collect()
for i in range(50):
    a = Pair()
    b = Pair()
    a.other = b
    b.other = a
    lst = [a]
    lst.append(lst)

del a, b, lst
print(gc.collect())
