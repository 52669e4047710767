# mode: both
# In the REPL '_' holds the last displayed result; in a script it is undefined.
6 * 7
try:
    print("last:", _)
except NameError as e:
    print(type(e).__name__, e)

None
try:
    print("still:", _)
except NameError as e:
    print(type(e).__name__, e)
