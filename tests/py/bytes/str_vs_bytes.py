# str and bytes are distinct types.
s = "abc"
b = b"abc"
print(type(s).__name__, type(b).__name__, s == b)
print(s.encode() == b, b.decode() == s)
print(str(b), repr(b))
print(isinstance(b, bytes), isinstance(s, bytes))
print(list("ab"), list(b"ab"))
