# mode: both
import sys
class Obj:
    def __del__(self):
        print('Obj freed')

o = Obj()
sys.getrefcount(o)
o
sys.getrefcount(o)
del o
print('deleted name')
42
print('after 42')
x = [1, 2, 3]
sys.getrefcount(x)
x
sys.getrefcount(x)
