# Lists compare lexicographically.
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0])
print([2] > [1, 9], [1, "a"] == [1, "a"], [1] == (1,))
print(max([[1, 2], [1, 3], [0, 9]]))
print([0.0] == [-0.0], [1] != [True])
