# Float formatting with format specs.
x = 1234.5678
print(format(x, ".2f"), format(x, "10.1f"), format(x, "<10.1f") + "|")
print(format(x, "e"), format(x, ".3E"), format(x, "g"), format(x, ".3g"))
print(format(x, ",.2f"), format(x, "_.1f"), format(x, "+.0f"))
print(format(0.000012345, "g"), format(123456789.0, "g"), format(1e100, "g"))
print(format(0.25, "%"), format(0.25, ".1%"), format(-1.5, "08.2f"))
print(format(float("inf"), "f"), format(float("nan"), ".2f"), format(-0.0, "f"))
print(format(x, ""), format(1e16, ""), format(12.0, "g"), format(12.0, "#g"))
print(f"{x:=^15.2f}", f"{3.0:.0f}", f"{2.5:.0f}", f"{3.5:.0f}")
