# An exception raised while handling another gets __context__.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print(type(e).__name__, e)
    print(type(e.__context__).__name__, e.__context__)
    print(e.__cause__)
try:
    raise KeyError("alone")
except KeyError as e:
    print(e.__context__)
