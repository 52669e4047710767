# mode: both
# Even with automatic collection disabled, cycles left at exit are
# finalized by the interpreter's last collections.
import gc

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

gc.disable()
a = Noisy("cycle")
a.me = a
del a
b = Noisy("global")
print("end of script")
