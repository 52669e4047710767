# Floor division and modulo round toward negative infinity.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (-1, 3), (6, -3)]:
    print(a, b, a // b, a % b)
print(-7 / 2, int(-7 / 2))
print((2 ** 70) // -3, (2 ** 70) % -3)
