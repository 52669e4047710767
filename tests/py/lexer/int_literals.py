# Decimal, hexadecimal, octal and binary integer literals.
print(0, 7, 42, 1234567890)
print(0x0, 0xff, 0XFF, 0xDeadBeef)
print(0o0, 0o17, 0O777)
print(0b0, 0b1011, 0B11111111)
print(-0x10, -0o10, -0b10)
print(00, 000)
print(type(0x10).__name__)
