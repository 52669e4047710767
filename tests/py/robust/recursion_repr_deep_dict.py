d = {}
for i in range(200000):
    d = {"k": d}
try:
    repr(d)
except RecursionError as e:
    print(type(e).__name__, e)
del d
print("freed")
