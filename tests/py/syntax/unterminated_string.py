# A string literal that is not closed on its line.
print("before")
a = 1
print("hello)
print("after")
