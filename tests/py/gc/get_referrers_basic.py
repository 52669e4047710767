# mode: both
# get_referrers() finds the containers that refer to an object.
import gc

class Box:
    pass

def check():
    x = []
    holder = [x]
    d = {"k": x}
    b = Box()
    b.item = x
    refs = gc.get_referrers(x)
    print(len(refs))
    print(any(r is holder for r in refs), any(r is d for r in refs),
          any(r is b for r in refs))
    print(gc.get_referrers(holder) == [])

check()
