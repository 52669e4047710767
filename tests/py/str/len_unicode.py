# len of strings with non-ASCII characters.
for s in ["", "a", "é", "e\u0301", "中文", "😀", "😀😀", "naïve café"]:
    print(repr(s), len(s), len(s.encode("utf-8")))
mixed = "a" + "é" + "中" + "😀"
print(len(mixed), [len(c.encode("utf-8")) for c in mixed])
print(len(mixed * 3), len(mixed[1:]))
