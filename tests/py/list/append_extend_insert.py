# append, extend and insert.
a = [1]
a.append(2)
a.append([3])
print(a)
a.extend([4, 5])
a.extend("ab")
a.extend(range(2))
print(a)
a.insert(0, "first")
a.insert(-1, "before last")
a.insert(100, "end")
a.insert(-100, "start")
print(a)
