# A character that is not valid in Python source.
print("start")
x = 1
y = x $ 2
print(y)
