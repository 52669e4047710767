# Only hashable items can go in a set.
try:
    {[1, 2]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    s = set()
    s.add({})
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1}.add(set())
except TypeError as e:
    print(type(e).__name__, e)
print({(1, 2), frozenset([3])} == {frozenset([3]), (1, 2)})
