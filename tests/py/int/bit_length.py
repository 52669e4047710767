# int.bit_length of various values.
for n in [0, 1, 2, 3, 255, 256, -1, -255, -256, 2 ** 64, 2 ** 100 - 1]:
    print(n if n < 2 ** 60 else "big", n.bit_length())
x = 1
for i in range(5):
    x = x * 1000
print(x.bit_length(), (-x).bit_length(), (x - 1).bit_length())
