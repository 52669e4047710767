# In-place set operators and update methods.
s = {1, 2, 3}
s |= {4}
print(s)
s &= {1, 2, 4, 9}
print(s)
s -= {1}
print(s)
s ^= {4, 5}
print(s)
s.update([7, 8], (9,))
print(s)
s.intersection_update({2, 7, 9})
print(sorted(s))
s.difference_update({2})
print(sorted(s))
