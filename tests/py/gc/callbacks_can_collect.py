# mode: both
# A callback may itself call gc.collect(): it gets 0 while the collector
# is running, at "start" and at "stop".
import gc

results = []

def cb(phase, info):
    results.append((phase, gc.collect()))

ignored = gc.collect()
gc.callbacks.append(cb)
ignored = gc.collect()
gc.callbacks.remove(cb)
print(results)
