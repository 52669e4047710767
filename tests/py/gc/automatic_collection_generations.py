# mode: both
# Automatic collection: generation 0 is collected each time its count
# passes threshold 0, generation 1 every threshold-1 collections of
# generation 0.  Survivors are promoted.
import gc

events = []

def watch(phase, info):
    if phase == "start":
        events.append(info["generation"])

ignored = gc.collect()
gc.set_threshold(10, 3, 1000)
gc.callbacks.append(watch)
keep = []
for i in range(100):
    keep.append([])

gc.callbacks.remove(watch)
gc.set_threshold(700, 10, 10)
print(events)
print(gc.is_tracked(keep[0]))
