# mode: both
# Copying immutable sequences may return the same object.
t = (1, 2, 3)
s = "text"
f = frozenset([1])
print(t[:] is t, tuple(t) is t, s[:] is s, str(s) is s, frozenset(f) is f)
lst = [1, 2]
print(lst[:] is lst, list(lst) is lst, lst.copy() is lst)
