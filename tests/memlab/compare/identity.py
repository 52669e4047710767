# 256/257, a tuple and two strings: script vs REPL
a = 256
b = 256
print(a is b)
x = 257
y = 257
print(x is y)
print(id(x) == id(y))
t1 = (1, 2)
t2 = (1, 2)
print(t1 is t2)
s1 = "hello"
s2 = "hello"
print(s1 is s2)
u1 = "hello world!"
u2 = "hello world!"
print(u1 is u2)
x == y
