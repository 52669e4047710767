# Modifying a list while iterating over it.
a = [1, 2, 3, 4]
for x in a:
    if x == 2:
        a.remove(x)
print(a)
b = [1, 2, 3]
for x in b:
    if len(b) < 6:
        b.append(x * 10)
print(b)
c = [1, 2, 3]
for x in c[:]:
    c.remove(x)
print(c)
