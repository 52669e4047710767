# A finalizer run by the collector reads, adds and deletes attributes
# of the instance whose attributes are kept inline, and resurrects it.
import gc
class Holder:
    pass
class Toucher:
    def __del__(self):
        h = self.h
        h.late = [1]
        h.z = 2
        try:
            del h.a
        except AttributeError:
            pass
        print("touched", sorted(vars(h)))
        survivors.append(h)
survivors = []
for i in range(3):
    h = Holder()
    t = Toucher()
    h.a = 1
    h.t = t
    h.b = 3
    t.h = h
    h.self = h
    del h, t
    print(gc.collect())
print(len(survivors), [sorted(vars(s)) for s in survivors])
