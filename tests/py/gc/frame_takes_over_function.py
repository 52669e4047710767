# mode: both
# A frame object that outlives its frame takes it over (CPython's
# take_ownership): its locals, its function, and a link to the caller's
# frame object, made then.
import gc, sys

def g():
    raise ValueError("x")

def f():
    local = [1, 2, 3]
    try:
        g()
    except ValueError as e:
        return e

c0 = gc.get_count()
e = f()
c1 = gc.get_count()
print("made", c1[0] - c0[0])
tb = e.__traceback__
fr = tb.tb_frame
print(fr.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name, tb.tb_next.tb_next)
print(fr.f_back.f_code.co_name, fr.f_back.f_back)
print(tb.tb_next.tb_frame.f_back is fr)
print(gc.is_tracked(fr), gc.is_tracked(fr.f_back))
print([type(x).__name__ for x in gc.get_referents(fr)])
print(gc.get_referents(fr.f_back))
print(fr.f_locals)
print(len(gc.get_referrers(fr.f_back)))
print(sys.getrefcount(f), sys.getrefcount(g))
del fr, tb
print(sys.getrefcount(f), sys.getrefcount(g))
e = None
print(sys.getrefcount(f), sys.getrefcount(g))

# The traceback's frames and the exception form a cycle once the
# exception is stored in a local of a frame on its own traceback.
class Big:
    pass

def keep():
    big = Big()
    try:
        1 / 0
    except ZeroDivisionError as exc:
        saved = exc
    return None

gc.collect()
keep()
print(len([o for o in gc.get_objects() if isinstance(o, Big)]))
print(gc.collect())
print(len([o for o in gc.get_objects() if isinstance(o, Big)]))
