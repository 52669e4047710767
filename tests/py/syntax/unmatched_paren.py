# A closing parenthesis without an opening one.
print("start")
x = 1
y = x + 2)
print(y)
