import gc

class C:
    def __del__(self):
        print("del start")
        n = gc.collect()
        print("collected", n >= 0)

c = C()
del c

class Cycle:
    def __init__(self):
        self.me = self
    def __del__(self):
        gc.collect()
        print("cycle del")

x = Cycle()
del x
gc.collect()
print("end")
