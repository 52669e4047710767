# bytes literals and their repr.
print(b"hello", b'quote"s', b"it's", b"both'\"")
print(b"\x00\x7f\x80\xff")
print(b"\n\r\t\\", b"\x1b[0m")
print(repr(b""), len(b""), bytes() == b"")
print(b"A\x42C")
print([b"x", b"y"])
