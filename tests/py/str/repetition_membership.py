# str * int, in, not in.
print("ab" * 3, 3 * "ab", "x" * 0, "x" * -2 == "")
print("ell" in "hello", "xyz" in "hello", "" in "abc", "é" in "café")
print("a" not in "bcd")
try:
    "a" * 1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
