# Bitwise operators on negative numbers behave like infinite two's complement.
for a, b in [(5, 3), (-5, 3), (5, -3), (-5, -3)]:
    print(a, b, a & b, a | b, a ^ b)
print(~0, ~5, ~-5, ~(2 ** 70))
print(-1 & 0xff, -256 & 0xff, -1 ^ 0xff)
print((-(2 ** 70)) & (2 ** 72 - 1))
