# An indented line where no block is open.
print("start")
x = 1
    y = 2
print(x + y)
