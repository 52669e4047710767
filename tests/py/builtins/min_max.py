# min and max with key, default and several arguments.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"))
print(max(["a", "bbb", "cc"], key=len), min(["a", "bbb", "cc"], key=len))
print(max([], default="empty"), min((), default=None))
print(max([1, 3, 3], key=lambda x: -x), max([(1, "b"), (1, "a")]))
try:
    max([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    min([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    max(1)
except TypeError as e:
    print(type(e).__name__, e)
