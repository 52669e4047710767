# The format mini-language via format().
print(format("x", ">5") + "|", format("x", "*<5") + "|", format("x", "-^5"))
print(format(42, "+"), format(-42, "+"), format(42, " "), format(42, "-"))
print(format(42, "=+8"), format(-42, "08"), format(42, "#07x"))
print(format(1234567, ","), format(1234567, "_"), format(0xFFFFFF, "_x"))
print(format(255, "b"), format(255, "#b"), format(255, "o"), format(255, "#o"))
print(format(255, "x"), format(255, "X"), format(255, "#X"), format(65, "c"))
print(format(42, "d"), format(42, "n"), format(3.5, "n"), format("s", "s"))
