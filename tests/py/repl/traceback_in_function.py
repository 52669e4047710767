# mode: both
# Tracebacks from functions defined in the REPL show <stdin> frames.
def inner(x):
    return 10 // x

def outer(x):
    return inner(x) + 1

print("calling")
outer(5)
outer(0)
print("done")
