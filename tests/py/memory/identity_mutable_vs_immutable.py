# mode: both
a = [1, 2, 3]
b = a
b.append(4)
print(a, a is b)
c = a[:]
print(c == a, c is a)
s = 'hi'
t = s
t += '!'
print(s, t, s is t)
n = 10
m = n
m += 1
print(n, m, n is m)
tup = (1, [2])
tup[1].append(3)
print(tup)
try:
    tup[0] = 5
except TypeError as e:
    print(type(e).__name__, e)

x = (1, 2)
y = x
x += (3,)
print(x, y, x is y)
l1 = [1]
l2 = l1
l1 += [2]
print(l1 is l2, l2)
l1 = l1 + [3]
print(l1 is l2, l2)
