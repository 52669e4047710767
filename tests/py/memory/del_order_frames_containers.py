# mode: both
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)

def f():
    a = D('a')
    b = D('b')
    c = D('c')
    print('leaving f')

f()
print('after f')
L = [D('x'), D('y'), D('z')]
del L
print('after list')
d = {1: D('d1'), 2: D('d2')}
d.clear()
print('after clear')
t = (D('t1'), D('t2'))
t = None
print('after tuple')
a = D('one')
a = D('two')
print('rebound')
x = D('x1')
y = x
del x
print('still alive')
del y
print('gone')
class Holder:
    pass

h = Holder()
h.p = D('p')
h.q = D('q')
del h
print('holder gone')
