# mode: both
# At exit the interpreter collects once more while gc is still enabled
# (calling gc.callbacks), then runs its final collections, which do not
# call them.
import gc

class Last:
    def __del__(self):
        print("finalized at exit")

def cb(phase, info):
    print("callback", phase)

x = Last()
x.me = x
del x
gc.callbacks.append(cb)
print("end of script")
