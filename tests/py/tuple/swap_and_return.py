# Tuples for swapping and multiple return values.
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([3, 1, 4, 1, 5])
print(lo, hi)
result = minmax("hello")
print(result, type(result).__name__)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
