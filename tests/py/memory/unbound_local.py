# mode: both
# Assigning to a name anywhere in a function makes it local everywhere in it.
count = 10
def bump():
    count = count + 1
    return count

try:
    bump()
except UnboundLocalError as e:
    print(type(e).__name__, e)

print(count)
