# A list closed with the wrong bracket.
print("start")
a = 1
b = [a, 2)
print(b)
