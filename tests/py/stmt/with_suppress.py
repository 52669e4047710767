# __exit__ returning true suppresses the exception.
class Suppress:
    def __init__(self, kind):
        self.kind = kind
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.kind):
            print("suppressed", exc_type.__name__)
            return True
        return False
with Suppress(ZeroDivisionError):
    1 / 0
print("continued")
try:
    with Suppress(ZeroDivisionError):
        [][0]
except IndexError as e:
    print("not suppressed:", e)
