# %-formatting of numbers with widths, flags and precision.
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %o %#x %#X %#o" % (255, 255, 8, 255, 255, 8))
print("%f %.2f %10.3f %-10.1f|" % (3.14159, 3.14159, 3.14159, 3.14159))
print("%e %.2E %g %G" % (12345.678, 12345.678, 0.00001234, 1e20))
print("%g %g %g" % (100000, 1000000, 1.5))
print("%.3d %x" % (7, -255))
