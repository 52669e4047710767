# mode: both
import gc
class A:
    def __del__(self):
        print("del")
a = A()
a.self = a
del a
gc.collect()
print(gc.get_count())
