# Raising exception classes and instances.
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise ValueError("message", 42)
except ValueError as e:
    print(repr(e), e.args, str(e))
try:
    raise 42
except TypeError as e:
    print(type(e).__name__, e)
