# mode: both
# Module-level constants of every kind: each kept constant and each cache
# key of CPython's compiler shows in the counts.
import gc
print(gc.get_count())
a = 1000
b = 'a string constant'
c = 2.5
d = -0.0
e = b'bytes'
f = True
g = (1, 2, 3)
h = ('x', (1.5, None), b'y')
i = x in {1, 2, 3} if (x := 4) else None
j = [1, 2, 3]
k = {4, 5, 6}
l = {'a': 1, 'b': 2}
m = print(sep='', end='\n')
n = 10 ** 3
