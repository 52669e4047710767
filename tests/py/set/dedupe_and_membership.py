# Deduplicating while keeping order, and fast membership.
items = [3, 1, 3, 2, 1, 5, 2]
seen = set()
unique = []
for x in items:
    if x not in seen:
        seen.add(x)
        unique.append(x)
print(unique, sorted(seen), len(seen))
print(sorted(set(items)), list(dict.fromkeys(items)))
