# startswith and endswith with strings, tuples and positions.
s = "filename.txt"
print(s.startswith("file"), s.startswith("name"), s.endswith(".txt"))
print(s.endswith((".py", ".txt")), s.startswith(("x", "y")))
print(s.startswith("name", 4), s.endswith("name", 0, 8))
print("".startswith(""), "abc".endswith(""))
try:
    s.startswith(["file"])
except TypeError as e:
    print(type(e).__name__, e)
