# Conditional expressions.
for n in range(4):
    print(n, "even" if n % 2 == 0 else "odd")
x = None
print(x if x is not None else "default")
print(1 if True else 1 / 0)
y = "a" if False else "b" if True else "c"
print(y)
