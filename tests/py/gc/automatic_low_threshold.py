# mode: both
import gc
gc.collect()
gc.set_threshold(10, 2, 2)
collections = []
def cb(phase, info):
    if phase == 'stop':
        collections.append(info['generation'])

gc.callbacks.append(cb)
class Cyc:
    def __init__(self):
        self.me = self

for i in range(100):
    Cyc()

gc.callbacks.remove(cb)
print(len(collections) > 0, sorted(set(collections)))
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
