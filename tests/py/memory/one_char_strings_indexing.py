# mode: both
# One-character Latin-1 strings are singletons; indexing returns them.
s = "hello"
t = "xex"
c = s[1]
d = t[1]
print(c is d)
u = "中文"
v = "中国"
print(u[0] is v[0], u[0] == v[0])
e = "né"
f = "été"
print(e[1] is f[0])
