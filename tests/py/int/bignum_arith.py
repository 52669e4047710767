# Arithmetic mixing small and big integers.
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b, b - a, a - b)
print(a * b)
print(b // a, b % a)
print(-a * b, a * -1)
print((a * b) // b == a)
print(2 ** 64 * 2 ** 64 == 2 ** 128)
