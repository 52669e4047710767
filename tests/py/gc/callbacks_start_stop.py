# mode: both
# gc.callbacks are called with ("start", info) before and ("stop", info)
# after each collection; info has generation, collected, uncollectable.
import gc

def show(phase, info):
    print(phase, info)

ignored = gc.collect()
gc.callbacks.append(show)
lst = []
lst.append(lst)
del lst
print(gc.collect())
print(gc.collect(0))
print(gc.collect(generation=1))
gc.callbacks.remove(show)
print(gc.callbacks)
