# mode: both
# 'a' * 20 is folded at compile time into an interned constant;
# 'a' * 4097 is too long to fold and is built at run time.
a = "a" * 20
b = "aaaaaaaaaaaaaaaaaaaa"
print(a is b)
c = "a" * 4097
d = "a" * 4097
print(c is d, c == d)
