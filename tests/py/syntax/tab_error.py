# Mixing tabs and spaces inconsistently in one block.
print("start")
if True:
	x = 1
        y = 2
print(x, y)
