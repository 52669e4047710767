# str.join with various iterables.
print(", ".join(["a", "b", "c"]))
print("".join("xyz"), "-".join(("1",)), "+".join([]))
print(" ".join(str(i) for i in range(5)))
print("中".join(["a", "b"]))
try:
    ",".join(["a", 1])
except TypeError as e:
    print(type(e).__name__, e)
