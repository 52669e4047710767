# Iterating over and sorting tuples.
pairs = ((3, "c"), (1, "a"), (2, "b"))
for n, s in pairs:
    print(n, s)
print(sorted(pairs), tuple(sorted(pairs, key=lambda p: p[1], reverse=True)))
print(max(pairs), min(pairs), sum(n for n, _ in pairs))
