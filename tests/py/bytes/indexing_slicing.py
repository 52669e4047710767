# Indexing bytes gives ints; slicing gives bytes.
b = b"abcdef"
print(b[0], b[-1], type(b[0]).__name__)
print(b[1:3], b[::2], b[::-1], b[4:100])
print(len(b), list(b[:3]))
for x in b"hi":
    print(x)
try:
    b[10]
except IndexError as e:
    print(type(e).__name__, e)
