# Lists are unhashable.
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[1, 2]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash([])
except TypeError as e:
    print(type(e).__name__, e)
print(hash((1, 2)) == hash((1, 2)))
