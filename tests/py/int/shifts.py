# Left and right shifts, including negative numbers and big shifts.
print(1 << 10, 1 << 64, 1 << 100)
print(1024 >> 3, 1 >> 5, 2 ** 100 >> 90)
print(-1 >> 1, -1 >> 100, -16 >> 2, -17 >> 2)
print(-3 << 4)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
