# sorted with key and reverse; reversed.
data = [3, -1, 2, -5]
print(sorted(data), sorted(data, reverse=True), sorted(data, key=abs))
print(sorted("hello"), sorted({"b": 1, "a": 2}), sorted((3, 1, 2)))
print(sorted(["bb", "a", "ccc"], key=len, reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))))
print(data)
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
