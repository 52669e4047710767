# An exception inside a with block reaches __exit__ and propagates.
class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", exc_type.__name__, exc)
        return None
try:
    with Ctx():
        print("before error")
        raise ValueError("boom")
        print("not reached")
except ValueError as e:
    print("caught", e)
