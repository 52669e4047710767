# mode: both
# Finalizers of a cycle run before any object of the cycle is cleared:
# every __del__ still sees its neighbours intact.
import gc

class Ring:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print(self.name, "->", self.next.name, "->", self.next.next.name)

ignored = gc.collect()
a = Ring("a")
b = Ring("b")
c = Ring("c")
a.next = b
b.next = c
c.next = a
del a, b, c
print(gc.collect())
