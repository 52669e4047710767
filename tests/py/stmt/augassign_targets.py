# Augmented assignment to subscripts and attributes.
d = {"n": 1}
d["n"] += 5
print(d)
lst = [1, 2, 3]
lst[1] *= 10
lst[-1] -= 1
print(lst)
class C:
    count = 0
c = C()
c.count += 1
print(c.count, C.count)
C.count += 5
print(c.count, C.count)
