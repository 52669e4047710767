# Dedent to a column that matches no enclosing block.
print("start")
if True:
        x = 1
    y = 2
print(x)
