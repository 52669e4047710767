# The else clause runs only when no exception was raised.
def attempt(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("error branch")
    else:
        print("else branch", r)
attempt(2)
attempt(0)
