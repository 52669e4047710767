# split and rsplit with separators and maxsplit.
s = "a,b,,c"
print(s.split(","), s.split(",", 1), s.rsplit(",", 1))
print("  one  two\tthree\n".split())
print("  one  two  three ".split(None, 1), " one two three ".rsplit(None, 1))
print("a--b--c".split("--"), "abc".split("x"), "".split(), "".split(","))
print("1 2 3".split(" ", -1), "x y z".rsplit(maxsplit=1))
try:
    "abc".split("")
except ValueError as e:
    print(type(e).__name__, e)
