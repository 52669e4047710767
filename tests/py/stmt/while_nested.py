# Nested while loops with a flag.
i = 0
found = None
while i < 5 and found is None:
    j = 0
    while j < 5:
        if i * j == 6:
            found = (i, j)
            break
        j += 1
    i += 1
print(found, i)
count = 12
while count:
    count -= 3
    print(count, end=" ")
print()
