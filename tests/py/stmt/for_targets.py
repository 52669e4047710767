# Various for loop targets and iterables.
for i in range(3):
    pass
print("last i", i)
for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
for ch in "hé":
    print(ch)
class C:
    pass
c = C()
for c.attr in [1, 2]:
    pass
print(c.attr)
lst = [0, 0]
for lst[0] in "xyz":
    pass
print(lst)
