# and / or / not return operands and short-circuit.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print("" or "default", [] or None)
print(not 0, not 1, not "", not [0])
def side(n):
    print("side", n)
    return n
print(side(0) and side(1))
print(side(1) or side(2))
print(None or 0 or "" or "last")
