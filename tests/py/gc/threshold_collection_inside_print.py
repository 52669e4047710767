# mode: both
# With a low threshold the first automatic collection starts inside
# print(): CPython fetches file.write as a bound method, a gc object.
import gc
gc.set_threshold(50, 5, 5)
print(gc.get_threshold())
class N:
    pass

made = 0
for i in range(400):
    n = N(); n.self = n
    made += 1

print(made, gc.get_count())
print(gc.collect(), gc.get_count())
print([s["collections"] > 0 for s in gc.get_stats()])
