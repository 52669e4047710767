# reverse, copy and reversed.
a = [1, 2, 3]
a.reverse()
print(a)
b = a.copy()
b.append(4)
print(a, b)
nested = [[1], [2]]
shallow = nested.copy()
shallow[0].append(99)
print(nested)
print(list(reversed(a)), a)
