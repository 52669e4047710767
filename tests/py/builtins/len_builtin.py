# len of built-in containers and objects with __len__.
print(len("abc"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 3}))
print(len(range(10)), len(range(0, 10, 3)), len(b"xyz"), len(""))
class Sized:
    def __len__(self):
        return 42
print(len(Sized()))
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
