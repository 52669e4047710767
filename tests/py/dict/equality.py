# Dict equality ignores order.
a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, a != b, list(a) == list(b))
print({1: [1]} == {1: [1]}, {} == {}, {1: 1} == {1: 1.0})
try:
    a < b
except TypeError as e:
    print(type(e).__name__, e)
