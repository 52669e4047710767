# mode: both
# Strings that are not identifier-like are not interned: in the REPL,
# separate lines create separate objects.
a = "wtf!"
b = "wtf!"
print(a is b, a == b)
c = "hello world"
d = "hello world"
print(c is d)
