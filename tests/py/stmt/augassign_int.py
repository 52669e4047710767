# Every augmented assignment operator on ints.
x = 17
x += 3; print(x)
x -= 5; print(x)
x *= 4; print(x)
x //= 7; print(x)
x %= 5; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0b1110; print(x)
x |= 0b10001; print(x)
x ^= 0b11111; print(x)
x /= 4; print(x)
