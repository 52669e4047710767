# break and continue in nested loops.
for i in range(5):
    if i == 1:
        continue
    if i == 4:
        break
    print("i", i)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > 1:
            break
        print(i, j)
n = 0
while n < 10:
    n += 1
    if n % 3:
        continue
    print("multiple of 3:", n)
