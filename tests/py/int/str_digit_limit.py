# The 4300-digit limit on int/str conversion.
big = 10 ** 5000
try:
    s = str(big)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("1" * 4301)
except ValueError as e:
    print(type(e).__name__, e)
ok = int("9" * 4300)
print(len(str(ok)))
print(len(hex(big)) > 4000)
