# mode: both
# set_threshold() argument errors, worded as CPython's.
import gc

def attempt(*args, **kwargs):
    try:
        gc.set_threshold(*args, **kwargs)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", gc.get_threshold())

attempt()
attempt(1, 2, 3, 4)
attempt(1.5)
attempt("10")
attempt(2 ** 31)
attempt(-2 ** 31 - 1)
attempt(2 ** 70)
attempt(threshold0=5)
attempt(True)
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
