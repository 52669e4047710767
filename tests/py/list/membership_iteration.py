# in, not in, and iteration with enumerate.
a = ["x", "y", [1]]
print("x" in a, "z" in a, [1] in a, 1 in a, "z" not in a)
for i, v in enumerate(a):
    print(i, v)
for i, v in enumerate(a, start=10):
    print(i, v)
