# Augmented assignment on lists, strings and tuples.
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
lst *= 2
print(alias)
s = "ab"
s += "cd"
s *= 2
print(s)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
