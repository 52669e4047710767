# mode: both
# Concatenation of literals is folded at compile time.
a = "ab"
b = "a" + "b"
print(a is b)
c = "a!b"
d = "a!" + "b"
print(c is d, c == d)
