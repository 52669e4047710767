# hex, oct and bin.
print(hex(0), hex(255), hex(-42), hex(65535))
print(oct(0), oct(8), oct(-8), oct(511))
print(bin(0), bin(5), bin(-5), bin(1023))
try:
    hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
