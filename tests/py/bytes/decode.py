# Decoding bytes to str.
b = "naïve 中".encode("utf-8")
print(b)
print(b.decode("utf-8"), b.decode())
print(len(b), len(b.decode()))
try:
    b[:3].decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
