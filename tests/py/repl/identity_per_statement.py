# mode: both
a = 1000
b = 1000
a is b
a = 1000; b = 1000
a is b
c = 'x y'
d = 'x y'
c is d
e = 'xy'
f = 'xy'
e is f
g = (1, 2)
h = (1, 2)
g is h
g = (1, 2); h = (1, 2)
g is h
def fa(): return 1000

def fb(): return 1000

fa() is fb()
2.5 is 2.5
k = 2.5
k is 2.5
