# mode: both
# collect(generation=2): the generation must be 0, 1 or 2.
import gc

ignored = gc.collect()
print(gc.collect(), gc.collect(0), gc.collect(1), gc.collect(2))
print(gc.collect(generation=0), gc.collect(True))
for args, kwargs in [((3,), {}), ((-1,), {}), (("0",), {}), ((1.0,), {}),
                     ((None,), {}), ((2 ** 70,), {}), ((1, 2), {}),
                     ((), {"gen": 1}), ((1,), {"generation": 1})]:
    try:
        gc.collect(*args, **kwargs)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
