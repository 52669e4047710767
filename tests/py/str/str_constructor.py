# str() with bytes and encoding arguments.
print(str(b"abc", "utf-8"), str(b"\xc3\xa9", "utf-8"))
print(repr(str()), str(12), str(0.5))
print(str([str(1)]))
try:
    str(b"\xff", "utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__)
