# Underscores in numeric literals.
print(1_000_000)
print(0x_ff_ff)
print(0o_7_7)
print(0b_1010_1010)
print(1_2.3_4)
print(1_0e1_0)
print(123_456_789_012_345_678_901_234_567_890)
