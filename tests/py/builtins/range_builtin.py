# range repr, len, indexing, slicing, negative steps and membership.
r = range(2, 20, 3)
print(r, list(r), len(r))
print(r[0], r[-1], r[2], r[1:3], r[::-1], r[::2])
print(5 in r, 6 in r, 20 in r)
print(range(5), range(0), range(10, 0, -2), list(range(10, 0, -2)))
print(list(range(-3)), list(range(-3, 3)), len(range(5, 0)))
print(range(3) == range(0, 3), range(0) == range(5, 5), list(range(0, -10, -4)))
try:
    range(1, 5, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    r[100]
except IndexError as e:
    print(type(e).__name__, e)
