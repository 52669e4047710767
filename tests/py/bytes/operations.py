# Concatenation, repetition, membership and comparison.
a = b"abc"
print(a + b"def", a * 2, b"-" * 3)
print(b"a" in a, b"bc" in a, b"x" in a, 98 in a, 200 in a)
print(a == b"abc", a < b"abd", b"" < a, a == "abc")
try:
    a + "str"
except TypeError as e:
    print(type(e).__name__, e)
try:
    a[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
