# mode: both
# Storing a bound method on its own instance creates a cycle:
# instance -> bound method -> instance.
import gc

class Counter:
    def __init__(self):
        self.n = 0
        self.tick = self.increment
    def increment(self):
        self.n += 1
        return self.n

ignored = gc.collect()
c = Counter()
c.tick()
print(c.tick())
del c
print(gc.collect())
