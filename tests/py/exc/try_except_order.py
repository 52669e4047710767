# The first matching except clause wins.
def check(exc):
    try:
        raise exc
    except KeyError:
        return "KeyError clause"
    except LookupError:
        return "LookupError clause"
    except Exception:
        return "Exception clause"
print(check(KeyError("k")))
print(check(IndexError("i")))
print(check(ValueError("v")))
