# mode: both
import gc
gc.disable()
events = []
def cb(phase, info):
    events.append((phase, info['generation'], info['collected'], info['uncollectable']))

gc.callbacks.append(cb)
class N:
    pass

a = N(); a.self = a
del a
gc.collect()
print(events)
events.clear()
gc.collect(0)
gc.collect(1)
print(events)
gc.callbacks.remove(cb)
gc.collect()
print(len(events))
