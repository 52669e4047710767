# An error inside an except clause replaces the original one.
def risky():
    try:
        raise KeyError("first")
    except KeyError:
        return [][0]
try:
    risky()
except IndexError as e:
    print(type(e).__name__, e)
    print("context:", type(e.__context__).__name__, e.__context__)
