# divmod with all sign combinations.
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (5, 17), (0, -5)]:
    q, r = divmod(a, b)
    print(a, b, q, r, q * b + r == a)
print(divmod(10 ** 20, 7))
