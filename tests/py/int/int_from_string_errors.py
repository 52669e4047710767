# Invalid strings for int() in various bases.
for s, base in [("12", 2), ("0x10", 10), ("010", 0), ("1__0", 10), ("_1", 10), ("", 16), ("9", 8)]:
    try:
        print(int(s, base))
    except ValueError as e:
        print(type(e).__name__, e)
