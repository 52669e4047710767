# mode: both
# sys.displayhook, which shows expression results in the REPL, starts by
# looking up the builtins module: CPython's check of
# builtins.__spec__._initializing raises and clears an AttributeError
# (a 1-tuple of arguments, kept on the free list, and the exception).
import gc
import sys

if 1:
    ignored = gc.collect()
    c0 = gc.get_count()[0]
    sys.displayhook(None)
    c1 = gc.get_count()[0]
    sys.displayhook(7)
    c2 = gc.get_count()[0]

print(c1 - c0, c2 - c1)
if 1:
    gc.collect()
    c0 = gc.get_count()[0]
    None
    c1 = gc.get_count()[0]

print(c0, c1 - c0)
