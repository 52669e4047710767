# hex(), oct() and bin() of positive and negative numbers.
for n in [0, 1, 10, 255, -1, -255, 4096]:
    print(n, hex(n), oct(n), bin(n))
print(bin(2 ** 20), oct(2 ** 30))
print(format(2 ** 100, "x"), format(-(2 ** 80), "x"))
