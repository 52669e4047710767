# Explicit line continuation with backslash.
total = 1 + \
        2 + \
        3
print(total)
if total > 5 and \
   total < 10:
    print("between")
s = "abc" \
    "def"
print(s)
