import sys, gc
def f():
    fr = sys._getframe()
    print(fr.f_code.co_name, fr.f_lineno, fr.f_back.f_code.co_name, fr.f_back.f_lineno)
    print(sys._getframe(1) is fr.f_back, gc.is_tracked(fr))
    return fr
fr = f()
print(fr.f_lineno, fr.f_back, gc.is_tracked(fr), fr.f_locals.keys())
print(sys._getframe().f_code.co_name, sys._getframe(-3).f_code.co_name)
try:
    sys._getframe(5)
except ValueError as e:
    print(e)
try:
    sys._getframe("x")
except TypeError as e:
    print(e)
def g():
    x = 1
    return sys._getframe(0)
z = g()
print(z.f_locals, sys.getrefcount(z), z.f_back.f_code.co_name)
print(len(gc.get_referents(z)))
def gen():
    yield sys._getframe()
for fr2 in gen():
    print(fr2.f_code.co_name, fr2.f_back.f_code.co_name)
print(fr2.f_back)
