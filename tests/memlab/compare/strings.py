# Strings: interning of identifier-like literals, not of others or of results
a = "python"
b = "python"
print(a is b)
c = "py thon!"
d = "py thon!"
print(c is d)
e = "py" + "thon"
print(e is a)
f = "".join(["py", "thon"])
print(f is a)
print(f == a)
n = 1000
m = 1000
print(n is m)
