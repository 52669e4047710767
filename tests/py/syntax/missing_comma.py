# Two expressions in a list without a comma between them.
print("start")
a = 1
b = [a 2]
print(b)
