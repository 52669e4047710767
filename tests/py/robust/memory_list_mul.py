for expr in ("[0] * 10**13", "[1, 2] * 10**13", "[None] * (2**62)"):
    try:
        eval_ = None
        if expr == "[0] * 10**13":
            x = [0] * 10**13
        elif expr == "[1, 2] * 10**13":
            x = [1, 2] * 10**13
        else:
            x = [None] * (2**62)
    except MemoryError as e:
        print(expr, type(e).__name__, repr(str(e)))
try:
    x = [0] * (2**63)
except OverflowError as e:
    print(type(e).__name__, e)
l = [0]
try:
    l *= 10**13
except MemoryError as e:
    print("imul", type(e).__name__)
print(len(l))
