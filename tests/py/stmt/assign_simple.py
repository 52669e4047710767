# Simple and chained assignment.
x = 1
print(x)
a = b = c = [1, 2]
print(a, b, c)
a.append(3)
print(b, c)
print(a is b, b is c)
x = y = 5
x += 1
print(x, y)
