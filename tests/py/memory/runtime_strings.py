# mode: both
# Strings built at run time are new objects even when identifier-like.
a = "wtf"
b = "".join(["w", "t", "f"])
print(a == b, a is b)
c = "wt"
d = c + "f"
print(a == d, a is d)
