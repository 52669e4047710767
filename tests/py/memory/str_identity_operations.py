# mode: both
import sys
a = 'hello'
b = 'hello'
print(a is b)
a = 'hello world'
b = 'hello world'
print(a is b)
a = 'hello!'
b = 'hello!'
print(a is b)
def f():
    return 'hello!'

def g():
    return 'hello!'

print(f() is g())
print(f() is f())
s = 'hel'
t = s + 'lo'
print(t is 'hello', t == 'hello')
print(sys.intern(t) is 'hello')
u = 'abc'
print(u.strip() is u, u.lower() is u, u.upper() is u)
print(u[:] is u, u[0:3] is u, u[0:2] is 'ab')
print(''.join([u]) is u, ''.join(['a', 'bc']) is u)
print(str(u) is u, u.replace('x', 'y') is u, (u * 1) is u)
print(u + '' is u, '' + u is u)
print(f'{u}' is u, f'{u}x' == 'abcx')
print(format(u) is u, u.center(2) is u, u.ljust(3) is u, u.zfill(1) is u)
print(u.expandtabs() is u, u.title() is u, u.swapcase() is u)
print(u.lstrip() is u, u.rstrip('z') is u, u.removeprefix('q') is u)
x = 'a'
y = 'abc'[0]
print(x is y, chr(97) is x, 'cba'[-1] is x)
print('' is ''[0:0], 'abc'[5:] is '', str() is '')
print(sys.intern('hello world!') is sys.intern('hello world!'))
k = 'foo_bar'
d = {'foo_bar': 1}
print([key for key in d][0] is k)
