# mode: both
# is_finalized() becomes true once the collector has run __del__.
import gc

saved = []

class Lazarus:
    def __del__(self):
        saved.append(self)

class Plain:
    pass

ignored = gc.collect()
x = Lazarus()
print(gc.is_finalized(x), gc.is_finalized(Plain()), gc.is_finalized(1))
x.me = x
del x
ignored = gc.collect()
print(gc.is_finalized(saved[0]))
y = Plain()
y.me = y
print(gc.is_finalized(y))
try:
    gc.is_finalized()
except TypeError as e:
    print(e)
