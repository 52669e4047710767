# ValueError messages from conversions.
for s in ["abc", "", "1.5", " 12x", "0x10"]:
    try:
        int(s)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int("z", 16)
except ValueError as e:
    print(type(e).__name__, e)
try:
    float("nope")
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("10", 99)
except ValueError as e:
    print(type(e).__name__, e)
