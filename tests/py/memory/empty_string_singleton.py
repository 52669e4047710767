# mode: both
# The empty string is a singleton.
a = ""
b = str()
c = "abc"[3:]
d = "".join([])
e = "xyz".replace("xyz", "")
print(a is b, a is c, a is d, a is e)
