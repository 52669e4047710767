# Creating sets; duplicates disappear.
s = {3, 1, 2, 3, 1}
print(s, len(s))
print(set(), set([1, 2, 2]), set("aab") == {"a", "b"}, set(range(5)))
print(frozenset(), frozenset([1, 2, 1]))
print(type({}).__name__, type({1}).__name__)
print(2 in s, 5 in s, 5 not in s)
