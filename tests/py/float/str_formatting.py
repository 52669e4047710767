# str(), repr() and %-formatting of floats.
vals = [0.0, 1.0, -2.5, 1e-7, 1e21, 3.0e15, 1/7]
for v in vals:
    print(str(v), repr(v), "%s" % v, "%.3f" % v, "%g" % v)
print("%e" % 12345.678, "%10.2f|" % 3.14159, "%-10.2f|" % 3.14159)
