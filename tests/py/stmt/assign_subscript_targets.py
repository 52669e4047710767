# Assignment to subscripts and slices.
lst = [0, 0, 0, 0]
lst[0] = 1
lst[-1] = 9
print(lst)
d = {}
d["a"] = 1
d[1, 2] = "tuple key"
print(d)
lst[1:3] = ["x", "y", "z"]
print(lst)
m = [[0, 0], [0, 0]]
m[1][0] = 5
print(m)
lst[0], d["a"] = d["a"], lst[0]
print(lst, d)
