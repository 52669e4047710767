# An if statement without the trailing colon.
x = 3
print("start")
if x > 2
    print("big")
