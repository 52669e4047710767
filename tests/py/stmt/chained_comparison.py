# Chained comparisons evaluate each operand once.
x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4)
print(1 == 1 != 2, 3 > 2 >= 2 > 1)
def v(n):
    print("eval", n)
    return n
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 < 2 in [2] not in [3])
