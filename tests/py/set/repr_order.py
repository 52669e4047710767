# Set iteration order follows the hash table layout (hash of a small int is
# the int itself, except hash(-1) == -2).
print({5, 3, 1, 4, 2})
print(set([10, 0, 7, 3]))
print({9} | frozenset([1, 2, 3]))
print({-1, -2, 0})
print(frozenset({8, 6, 7}))
print(repr(set()), repr(frozenset()), str(set()))
print(sorted({"b", "a", "c"}))
