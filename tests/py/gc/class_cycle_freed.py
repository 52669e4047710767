# mode: both
# A class defined in a function is part of cycles (its methods' globals
# aside, A.__mro__ contains A): when dropped, gc.collect() frees it.
import gc

class Marker:
    def __del__(self):
        print("class freed")

def make():
    class Temp:
        pass
    Temp.marker = Marker()
    return Temp

ignored = gc.collect()
t = make()
print(t.__name__)
del t
print(gc.collect() > 0)
print("end")
