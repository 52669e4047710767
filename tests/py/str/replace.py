# replace with and without a count.
s = "one one one"
print(s.replace("one", "two"))
print(s.replace("one", "two", 2))
print(s.replace("one", "two", 0))
print(s.replace("x", "y"), "aaa".replace("a", "aa"))
print("abc".replace("", "-"), "abc".replace("", "-", 2))
print("héllo".replace("é", "e"))
