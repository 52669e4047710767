# mode: both
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)
    def __repr__(self):
        return 'T(%d)' % self.n

T(1)
print('after T(1) displayed')
T(2)
print('T(1) released now')
x = T(3)
x
del x
print('x deleted')
None
print('end')
