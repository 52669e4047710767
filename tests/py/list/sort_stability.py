# Sorting is stable: equal keys keep their original order.
people = [("ann", 30), ("bob", 25), ("cy", 30), ("dee", 25), ("eve", 35)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
by_name = sorted(people)
print(sorted(by_name, key=lambda p: p[1]))
print(sorted([(1, "b"), (1, "a"), (0, "z")]))
