# Frame objects, running or finished, hold no reference to the globals:
# the frame and then the function it hands over do.
import sys
def f():
    try:
        1/0
    except ZeroDivisionError as e:
        return e
print(sys.getrefcount(globals()))
e = f()
print(sys.getrefcount(globals()))
fr = sys._getframe()
print(sys.getrefcount(globals()))
print(e.__traceback__.tb_frame.f_globals is globals(), fr.f_globals is globals())
del e
def g():
    raise NameError("x")
try:
    g()
except NameError as err:
    saved = err
print(saved.__traceback__.tb_next.tb_frame.f_globals is globals(), sys.getrefcount(globals()))
try:
    undefined_nam
except NameError as ne:
    print(ne)
