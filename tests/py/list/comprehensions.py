# List comprehensions with nested loops and conditions.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(3) if x < y])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print([c for word in ["ab", "cd"] for c in word])
print([x if x % 2 else -x for x in range(5)])
x = "outer"
print([x for x in "abc"], x)
