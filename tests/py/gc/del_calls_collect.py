# mode: both
# A finalizer that calls gc.collect() while a collection is running gets
# 0 back; the outer collection finishes normally.
import gc

class Nested:
    def __del__(self):
        print("inner collect:", gc.collect())

ignored = gc.collect()
n = Nested()
n.me = n
del n
print("outer collect:", gc.collect())
