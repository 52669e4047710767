# upper, lower, title, capitalize and swapcase.
s = "hello World, it's ÉTÉ"
print(s.upper())
print(s.lower())
print(s.title())
print(s.capitalize())
print(s.swapcase())
print("ß".upper(), "ǅ".lower(), "123abc".capitalize(), "a1b2".title())
