# Return values: none, single, multiple.
def nothing():
    pass
def early(x):
    if x:
        return "early"
    return "late"
def multi():
    return 1, "two", [3]
print(nothing())
print(early(1), early(0))
a, b, c = multi()
print(a, b, c, multi())
def bare():
    return
print(bare())
