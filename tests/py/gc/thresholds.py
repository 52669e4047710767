# mode: both
# get_threshold() and set_threshold() with one, two or three values.
import gc

print(gc.get_threshold())
gc.set_threshold(100)
print(gc.get_threshold())
gc.set_threshold(200, 5)
print(gc.get_threshold())
gc.set_threshold(300, 6, 7)
print(gc.get_threshold())
print(gc.set_threshold(700, 10, 10))
print(gc.get_threshold())
