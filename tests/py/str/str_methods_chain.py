# Chaining several string methods.
s = "  Hello, World!  "
print(s.strip().lower().replace("world", "there"))
print("-".join(s.split()).upper())
words = "the quick brown fox".split()
print([w.capitalize() for w in words])
print(" ".join(w[::-1] for w in words))
print("a,b;c".replace(";", ",").split(","))
