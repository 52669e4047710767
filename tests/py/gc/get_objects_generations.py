# mode: both
# get_objects() lists tracked objects (not the returned list itself);
# get_objects(g) only those of generation g.
import gc

ignored = gc.collect()
probe = ["probe"]
print(any(o is probe for o in gc.get_objects(0)))
ignored = gc.collect(0)
print(any(o is probe for o in gc.get_objects(0)),
      any(o is probe for o in gc.get_objects(1)))

ignored = gc.collect(1)
print(any(o is probe for o in gc.get_objects(2)))
print(any(o is probe for o in gc.get_objects()))
print(any(o is probe for o in gc.get_objects(None)))
result = gc.get_objects()
print(any(o is result for o in result))
print(any(type(o) in (int, str, float) for o in gc.get_objects()))
for bad in (3, -2, "x", 2 ** 70):
    try:
        gc.get_objects(bad)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)

try:
    gc.get_objects(1, 2)
except TypeError as e:
    print(e)

try:
    gc.get_objects(gen=1)
except TypeError as e:
    print(e)
