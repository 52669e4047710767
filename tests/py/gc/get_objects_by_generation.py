# mode: both
import gc
gc.disable()
gc.collect()
class Marker:
    pass

m = Marker()
print(any(o is m for o in gc.get_objects(0)))
print(any(o is m for o in gc.get_objects(2)))
gc.collect(0)
print(any(o is m for o in gc.get_objects(0)), any(o is m for o in gc.get_objects(1)))
gc.collect()
print(any(o is m for o in gc.get_objects(2)))
l = [1, 2]
print(any(o is l for o in gc.get_objects()))
t = (1, 2)
print(any(o is t for o in gc.get_objects()))
try:
    gc.get_objects(3)
except ValueError as e:
    print(type(e).__name__, e)
