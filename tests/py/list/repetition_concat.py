# + and * on lists; the shared-reference gotcha.
print([1, 2] + [3], [0] * 3, 2 * ["a"], [] * 5, [1] * -1)
grid = [[0] * 2] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 2 for _ in range(3)]
grid[0][0] = 1
print(grid)
a = [1]
b = a + a
print(b, b[0] is b[1])
