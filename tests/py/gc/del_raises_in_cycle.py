# An exception raised by __del__ during a collection is reported as
# "Exception ignored" and the collection goes on.
import gc

class Bad:
    def __del__(self):
        raise KeyError("boom")

ignored = gc.collect()
x = Bad()
x.me = x
del x
print(gc.collect())
print("still running")
