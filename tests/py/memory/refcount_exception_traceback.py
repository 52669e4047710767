# mode: both
import sys
class Res:
    def __del__(self):
        print('Res freed')

def fail(r):
    raise ValueError('bad')

r = Res()
print(sys.getrefcount(r))
try:
    fail(r)
except ValueError as e:
    print(sys.getrefcount(r))
    tb = e.__traceback__

print(sys.getrefcount(r))
del tb
print(sys.getrefcount(r))
try:
    fail(r)
except ValueError as e:
    saved = e

print(sys.getrefcount(r))
del saved
print(sys.getrefcount(r))
def g():
    obj = Res()
    try:
        raise KeyError('x')
    except KeyError:
        pass
    print('end of g')

g()
print('after g')
del r
print('end')
