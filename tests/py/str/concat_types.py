# Concatenation errors and conversions.
print("a" + "b", "n=" + str(5), "x" + repr("y"))
try:
    "a" + 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" + None
except TypeError as e:
    print(type(e).__name__, e)
try:
    5 + "a"
except TypeError as e:
    print(type(e).__name__, e)
