# Float presentation types e, E, f, F, g, G and %.
x = 12345.6789
for t in ["e", "E", "f", "F", "g", "G", "%", ".2e", ".3g", ".1%", "10.2f", "<10.1e"]:
    print(t, "[" + format(x, t) + "]")
print(format(float("inf"), "F"), format(float("nan"), "E"))
