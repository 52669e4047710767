# BaseException subclasses are not caught by except Exception.
class Stop(BaseException):
    pass
try:
    try:
        raise Stop("halt")
    except Exception:
        print("not here")
except BaseException as e:
    print("caught BaseException:", type(e).__name__, e)
raise Stop("uncaught")
