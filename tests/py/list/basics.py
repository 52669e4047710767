# Creating, indexing and measuring lists.
a = [1, "two", 3.0, None, [5]]
print(a, len(a))
print(a[0], a[-1], a[-1][0], a[1][1])
print([], list(), list("abc"), list(range(3)), list((1, 2)))
try:
    a[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    a["x"]
except TypeError as e:
    print(type(e).__name__, e)
