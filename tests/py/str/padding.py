# center, ljust, rjust and zfill.
print("[" + "hi".center(6) + "]", "[" + "hi".center(7, "*") + "]")
print("[" + "hi".ljust(5) + "]", "[" + "hi".rjust(5, ".") + "]")
print("[" + "toolong".center(3) + "]")
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(5), "12345".zfill(3))
print("中".center(5, "中"), "é".ljust(3, "-"))
try:
    "x".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
