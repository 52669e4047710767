# enumerate with start, and zip with unequal lengths.
print(list(enumerate("abc")))
print(list(enumerate(["x", "y"], start=5)), list(enumerate([], 1)))
print(list(zip([1, 2, 3], "ab")))
print(list(zip(range(3), range(10, 13), "xyz")))
print(list(zip()), list(zip([1, 2])))
names = ["a", "b"]
ages = [1, 2]
for n, a in zip(names, ages):
    print(n, a)
