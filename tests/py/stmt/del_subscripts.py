# del of list items, dict items and slices.
lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[2:4]
print(lst)
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zzz"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    del lst[100]
except IndexError as e:
    print(type(e).__name__, e)
