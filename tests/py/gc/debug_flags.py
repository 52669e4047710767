# mode: both
# The DEBUG_* constants and set_debug()/get_debug().
import gc

print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE,
      gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)

print(gc.DEBUG_LEAK == gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_SAVEALL)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
gc.set_debug(0)
print(gc.get_debug())
for bad in ((), (1.5,), ("x",), (2 ** 40,)):
    try:
        gc.set_debug(*bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)

print(gc.get_debug())
