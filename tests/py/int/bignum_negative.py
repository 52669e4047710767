# Negative big integers and sign handling.
n = -(10 ** 25)
print(n, abs(n), -n)
print(n // 7, n % 7)
print(n // -7, n % -7)
print(n * n)
print(n + 10 ** 25, n < 0, n < -(10 ** 24))
