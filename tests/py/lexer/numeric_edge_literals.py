# Literals next to operators and method calls.
print((1).bit_length())
print(0x1f.bit_length())
print(-2 ** 2, (-2) ** 2)
print(2**-1, 2 ** 10)
print(1_0.5e1)
print(0xff+1, 0o7*2, 0b1-1)
