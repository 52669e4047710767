# pow with a modulus, including negative exponents (modular inverse).
print(pow(2, 10, 1000), pow(3, 200, 13))
print(pow(2, 1000, 10 ** 9 + 7))
print(pow(3, -1, 7), pow(3, -1, 7) * 3 % 7)
print(pow(38, -1, 97))
print(pow(-2, 3, 5), pow(2, 3, -5))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
