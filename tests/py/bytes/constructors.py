# bytes() from a list of ints, a length, and a string with encoding.
print(bytes([65, 66, 67]), bytes(3), bytes(0))
print(bytes("héllo", "utf-8"), bytes(range(5)))
print(bytes(b"copy"), bytes([]))
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytes("no encoding")
except TypeError as e:
    print(type(e).__name__, e)
