# When the first automatic collection happens depends on where the counts
# start, which depends on the script's code.
import gc
events = []
def cb(phase, info):
    if phase == 'start':
        events.append((info['generation'], len(keep)))
keep = []
gc.callbacks.append(cb)
print(gc.get_count())
for i in range(2000):
    keep.append({})
    if len(events) == 3:
        break
gc.callbacks.remove(cb)
print(events)
class P:
    def a(self): return 1
    def b(self): return 2
    def c(self): return 3
class Q(P):
    def d(self): return [x for x in range(4)]
def h(n, *, k=3):
    def inner():
        return n + k
    return inner
