# Two names for one list.
a = [1, 2]
b = a
b.append(3)
print(a, a is b)
c = list(a)
c.append(4)
print(a, c, a is c, a == c[:3])
def mutate(lst):
    lst.append("m")
    lst = ["rebound"]
    return lst
print(mutate(a), a)
