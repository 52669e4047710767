# map with one or several iterables, and filter with None.
print(list(map(str, [1, 2, 3])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(map(pow, [2, 3], [3, 2])))
print(list(filter(None, [0, 1, "", "x", [], [0], None])))
print(list(filter(lambda x: x % 2, range(10))))
m = map(abs, [-1, -2])
print(next(m), next(m), next(m, "done"))
