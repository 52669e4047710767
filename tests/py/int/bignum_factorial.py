# Factorials grow beyond machine words.
f = 1
for i in range(1, 51):
    f *= i
    if i in (10, 20, 21, 25, 50):
        print(i, f)
print(len(str(f)))
print(f // (f // 1000), f % 1000007)
