# mode: both
# len() results are small ints from the cache, large ones are new objects.
ten = 10
lst = [0] * 10
print(len(lst) is ten)
big = [0] * 1000
n = len(big)
m = len(big)
print(n == m, n is m)
