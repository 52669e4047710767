# mode: both
# The gc module's public names and the types of its attributes.
import gc

print([n for n in dir(gc) if not n.startswith("_")])
print(type(gc.garbage), type(gc.callbacks), gc.garbage, gc.callbacks)
print(gc.__name__)
print(gc.collect.__name__, gc.get_referrers.__name__)
print(gc.collect.__doc__.splitlines()[0])
print(gc.__doc__.splitlines()[0])
