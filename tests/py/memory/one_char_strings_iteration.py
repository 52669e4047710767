# mode: both
# Iterating over a string yields the cached one-character strings.
chars = list("abcab")
print(chars[0] is chars[3], chars[1] is chars[4])
wide = list("中x中")
print(wide[0] is wide[2], wide[0] == wide[2])
