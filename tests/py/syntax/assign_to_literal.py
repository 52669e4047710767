# A literal on the left-hand side of '='.
print("start")
x = 2
1 = x
print(x)
