# mode: both
# A suspended generator whose frame refers back to the generator: the
# collector finalizes (closes) it, which frees the whole cycle.
import gc

def gen(box):
    try:
        yield box
    finally:
        print("generator closed")

ignored = gc.collect()
box = []
g = gen(box)
next(g)
box.append(g)
del g, box
print(gc.collect())
print("after")
