# %-formatting with %s, %r, %d, %i and %%.
print("%s is %d years" % ("Ann", 30))
print("%r %s" % ("q", "q"))
print("%i%%" % 50)
print("%s" % [1, 2], "%s" % (("tuple",),))
print("%d" % 3.99, "%d" % -3.99, "%s" % None)
print("%5s|%-5s|%.2s" % ("ab", "ab", "abcdef"))
print("%c%c" % (72, "i"))
try:
    "%d" % "x"
except TypeError as e:
    print(type(e).__name__, e)
