# mode: both
# A generation-0 threshold of zero disables automatic collection.
import gc

starts = []

def watch(phase, info):
    if phase == "start":
        starts.append(info["generation"])

ignored = gc.collect()
gc.set_threshold(0)
gc.callbacks.append(watch)
keep = []
for i in range(2000):
    keep.append([])

gc.callbacks.remove(watch)
gc.set_threshold(700)
print(starts)
print(gc.isenabled())
