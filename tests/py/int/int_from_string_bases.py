# int() parsing with explicit bases.
print(int("101", 2), int("777", 8), int("ff", 16), int("FF", 16))
print(int("z", 36), int("Zz", 36), int("10", 36))
print(int("0x1f", 16), int("0o17", 8), int("0b101", 2))
print(int("0x1f", 0), int("0o17", 0), int("0b101", 0), int("42", 0))
print(int("1_000", 0), int("f_f", 16), int("1_0", 2))
print(int("  -42  "), int("\t+7\n"), int("-0x10", 0))
