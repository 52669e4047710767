# mode: both
# Float constants behave like other non-cached constants.
a = 1.5
b = 1.5
print(a is b)
c = float("1.5")
print(a is c, a == c)
d = 2.5; e = 2.5; print(d is e)
