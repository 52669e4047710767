# mode: both
# An exception kept in a local of the frame it was raised in: exception
# -> traceback -> frame -> locals -> exception.
import gc

def fail():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
    return None

ignored = gc.collect()
fail()
print(gc.collect() > 0)
print(gc.collect())
