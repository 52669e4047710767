# mode: both
# Objects resurrected by a finalizer keep their attributes: the
# collector clears only what is still unreachable after finalization.
import gc

keeper = None

class Holder:
    def __init__(self):
        self.data = [1, 2, 3]
        self.me = self
    def __del__(self):
        global keeper
        keeper = self

class Plain:
    pass

ignored = gc.collect()
h = Holder()
junk = Plain()
junk.me = junk
del h, junk
print(gc.collect())
print(keeper.data, keeper.me is keeper)
print(gc.is_finalized(keeper))
keeper = None
print(gc.collect())
