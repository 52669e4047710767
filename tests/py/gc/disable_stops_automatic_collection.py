# mode: both
# With automatic collection disabled no collection starts, however many
# containers are allocated; enabled again, collections start on their own.
import gc

starts = []

def watch(phase, info):
    if phase == "start":
        starts.append(info["generation"])

ignored = gc.collect()
gc.disable()
gc.callbacks.append(watch)
keep = []
for i in range(3000):
    keep.append([])

print(len(starts))
gc.enable()
for i in range(3000):
    keep.append([])

gc.callbacks.remove(watch)
print(len(starts) > 0, set(starts) <= {0, 1, 2})
