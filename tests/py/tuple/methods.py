# count and index.
t = (1, 2, 3, 2, 2)
print(t.count(2), t.count(7), t.index(3), t.index(2, 2))
try:
    t.index(9)
except ValueError as e:
    print(type(e).__name__, e)
