# String comparisons are by code point.
print("a" < "b", "B" < "a", "abc" < "abd", "ab" < "abc", "" < "a")
print("é" > "z", "中" > "é", "Z" < "a")
print("abc" == "abc", "abc" != "ABC")
print(sorted(["b", "A", "é", "a", "Z", "ab", ""]))
print(max("hello"), min("hello"))
