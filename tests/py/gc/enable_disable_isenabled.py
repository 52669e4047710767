# mode: both
# enable(), disable() and isenabled().
import gc

print(gc.isenabled())
print(gc.disable())
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
print(gc.enable())
print(gc.isenabled())
for f in (gc.enable, gc.disable, gc.isenabled):
    try:
        f(1)
    except TypeError as e:
        print(e)
