# The 'as' name is deleted at the end of the except clause.
try:
    1 / 0
except ZeroDivisionError as err:
    print("inside:", err)
try:
    err
except NameError as e:
    print(type(e).__name__, e)
e2 = "kept"
try:
    raise ValueError("x")
except ValueError:
    pass
print(e2)
