# mode: both
# Two functions defined in one block share their constants.
def pair():
    def g():
        return 1234.5
    def h():
        return 1234.5
    return g(), h()

x, y = pair()
print(x is y, x == y)
