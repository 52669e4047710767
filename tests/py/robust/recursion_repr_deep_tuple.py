t = ()
for i in range(200000):
    t = (t,)
try:
    repr(t)
except RecursionError as e:
    print(type(e).__name__, e)
del t
print("freed")
