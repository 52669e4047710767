# mode: both
# int() of an int returns the same object.
big = 10 ** 20
print(int(big) is big, abs(big) is big, +big is big)
n = -(10 ** 20)
print(int(n) is n, abs(n) is n)
