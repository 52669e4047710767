# str and repr of ints, and string formatting of large values.
for n in [0, -0, 7, -7, 10 ** 20, -(10 ** 20)]:
    print(str(n), repr(n))
print(str(2 ** 64)[:5], len(str(2 ** 1000)))
print(f"{2 ** 70:,}", f"{-(2 ** 70):_}")
print("%d" % (3 ** 50))
