# mode: both
# Identifier-like string constants are interned, even across compilation units.
a = "wtf"
b = "wtf"
print(a is b)
c = "hello_world"
d = "hello_world"
print(c is d)
