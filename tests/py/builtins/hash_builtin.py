# hash of ints and tuples: equal values have equal hashes.
print(hash(1) == hash(1.0) == hash(True))
print(hash(0) == hash(0.0) == hash(False), hash(-0.0) == hash(0))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)))
print(hash(42), hash(-5), hash(0))
print(hash(-1), hash(-2))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(10 ** 30) == hash(10 ** 30))
try:
    hash({})
except TypeError as e:
    print(type(e).__name__, e)
