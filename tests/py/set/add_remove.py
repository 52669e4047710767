# add, remove, discard, pop and clear.
s = {1, 2}
s.add(3)
s.add(1)
print(s)
s.remove(2)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print(type(e).__name__, e)
s.discard(99)
s.discard(1)
print(s)
print(s.pop(), s)
try:
    s.pop()
except KeyError as e:
    print(type(e).__name__, e)
t = {1, 2, 3}
t.clear()
print(t)
