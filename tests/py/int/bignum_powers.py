# Large powers of two and other bases.
print(2 ** 64, 2 ** 64 - 1)
print(2 ** 100)
print(2 ** 200)
print(3 ** 100)
print(-(2 ** 127), (-2) ** 127)
print(10 ** 30 + 1)
print(2 ** 200 // 2 ** 150 == 2 ** 50)
