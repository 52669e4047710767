# encode to UTF-8 and decode back.
s = "héllo 中 😀"
b = s.encode("utf-8")
print(b)
print(len(s), len(b))
print(b.decode("utf-8") == s)
print("abc".encode(), b"abc".decode())
print(s.encode()[1:3].decode())
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
