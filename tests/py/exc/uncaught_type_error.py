# An uncaught TypeError from mixing types.
def describe(n):
    return "value: " + n
print(describe("1"))
print(describe(2))
