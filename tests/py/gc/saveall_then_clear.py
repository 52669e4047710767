# mode: both
import gc
gc.disable()
gc.set_debug(gc.DEBUG_SAVEALL)
l = [1]
l.append(l)
del l
print(gc.collect())
print(len(gc.garbage), type(gc.garbage[0]).__name__, gc.garbage[0][0])
gc.set_debug(0)
del gc.garbage[:]
print(gc.garbage)
class Fin:
    def __del__(self):
        print('fin')

f = Fin(); f.me = f
del f
print(gc.collect())
print(gc.garbage)
