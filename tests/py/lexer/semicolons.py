# Several simple statements on one line.
a = 1; b = 2; c = a + b
print(a, b, c)
x = 10; print(x); x += 1; print(x)
if x > 5: print("big"); print("still big")
for i in range(3): print(i, end=" ")
print()
