# ord and chr round-trip code points.
for ch in ["A", "a", "0", " ", "é", "中", "😀"]:
    print(repr(ch), ord(ch), chr(ord(ch)) == ch)
print(chr(65), chr(0x4e2d), chr(128512), repr(chr(0)), repr(chr(127)))
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
