# Sorting incomparable values raises TypeError.
try:
    [1, "a", 2].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([None, 1])
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([[2, 1], [1, 2], [1]]))
