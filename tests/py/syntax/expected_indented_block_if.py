# An if body that is not indented.
x = 1
print("start")
if x:
print("x is true")
