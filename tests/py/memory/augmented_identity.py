# mode: both
# += mutates lists in place but rebinds ints, strings and tuples.
a = [1]
alias = a
a += [2]
print(a is alias, alias)
t = (1,)
t_alias = t
t += (2,)
print(t is t_alias, t_alias)
n = 1000
n_alias = n
n += 1
print(n is n_alias, n_alias)
