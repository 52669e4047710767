a = []
b = []
for i in range(200000):
    a = [a]
    b = [b]
try:
    print(a == b)
except RecursionError as e:
    print(type(e).__name__, e)
try:
    print(a < b)
except RecursionError as e:
    print(type(e).__name__, e)
del a, b
print("freed")
