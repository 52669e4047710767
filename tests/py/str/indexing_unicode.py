# Indexing counts code points, not bytes.
s = "héllo 中文 😀!"
print(len(s))
print(s[0], s[1], s[6], s[7], s[9], s[10])
print(s[-1], s[-2], s[-4])
for ch in "é中😀":
    print(ch, len(ch), ord(ch))
try:
    s[100]
except IndexError as e:
    print(type(e).__name__, e)
