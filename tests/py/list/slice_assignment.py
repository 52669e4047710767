# Assigning to slices, including extended slices.
a = list(range(6))
a[1:3] = ["a", "b", "c", "d"]
print(a)
a[:2] = []
print(a)
a[len(a):] = [100]
print(a)
b = list(range(8))
b[::2] = "wxyz"
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
c = [1, 2, 3]
c[1:1] = [9, 9]
print(c)
