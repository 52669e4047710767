# Iterating over strings.
for ch in "héy":
    print(ch, end="|")
print()
print(list("abc"), tuple("中文"))
print([c.upper() for c in "abc"], "".join(reversed("abc")))
print(sorted("banana"), set("aab") == {"a", "b"})
print(next(enumerate("ab")))
