# mode: both
class V:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('del', self.n)

d = {'a': V(1), 'b': V(2), 'c': V(3)}
del d['b']
print('---')
d = None
print('---')
s = [V(i) for i in range(4, 7)]
s.pop()
print('---')
s.pop(0)
print('---')
s[0] = V(8)
print('---')
s *= 0
print('---')
t = [V(9), V(10)]
t.clear()
print('---')
u = [V(11), V(12), V(13)]
del u[0:2]
print('---')
u.remove(u[0])
print('end')
