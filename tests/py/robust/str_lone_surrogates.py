# String literals holding lone surrogates (escapes): they compile, have
# length 1, and only fail when encoded (print, encode).
x = "\ud800"
y = "a\udfffb\U0001f600"
print(ascii(x), len(x), ascii(y), len(y))
print(ascii(x + y), x == "\ud800", hash(x) == hash("\ud800"))
try:
    print(x)
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    y.encode()
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print(ascii(y.encode("utf-8", "surrogatepass")))
print([hex(ord(c)) for c in y])
