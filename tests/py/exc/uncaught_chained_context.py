# Uncaught exception raised during handling of another.
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError("parse failed")
print("start")
parse("abc")
