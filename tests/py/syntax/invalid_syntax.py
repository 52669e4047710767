# A double '=' is invalid syntax; nothing runs, not even the first print.
print("never printed")
x = 1
y = = 2
print(x, y)
