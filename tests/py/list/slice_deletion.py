# Deleting slices and extended slices.
a = list(range(10))
del a[2:4]
print(a)
del a[::3]
print(a)
del a[-2:]
print(a)
del a[:]
print(a)
b = list(range(6))
del b[::-2]
print(b)
