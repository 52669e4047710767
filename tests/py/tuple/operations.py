# Concatenation, repetition, slicing, membership and comparisons.
t = (1, 2, 3)
print(t + (4,), t * 2, (0,) * 3, t[1:], t[::-1])
print(2 in t, 5 not in t)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), () < (0,))
print((1, 2) == (1, 2), (1, 2) == [1, 2])
try:
    t + [4]
except TypeError as e:
    print(type(e).__name__, e)
