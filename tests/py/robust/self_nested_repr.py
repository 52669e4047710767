l = [1]
l.append(l)
print(l)
d = {"a": 1}
d["self"] = d
print(d)
t = (l, d)
print(t)
m = [l, [l, d]]
print(m)
print(l == l, d == d)
a = []
a.append(a)
b = []
b.append(b)
try:
    print(a == b)
except RecursionError as e:
    print(type(e).__name__, e)
