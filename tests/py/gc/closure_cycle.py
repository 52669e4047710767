# mode: both
# A nested function that refers to itself through its closure cell:
# the function, its closure tuple and the cell form a cycle.
import gc

def make():
    def f():
        return f
    return f

ignored = gc.collect()
f = make()
print(f() is f)
del f
print(gc.collect())
