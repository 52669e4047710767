x = []
for i in range(200000):
    x = [x]
try:
    repr(x)
except RecursionError as e:
    print(type(e).__name__, e)
try:
    str(x)
except RecursionError as e:
    print(type(e).__name__, e)
del x
print("freed")
