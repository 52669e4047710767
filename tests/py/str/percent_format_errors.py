# Errors raised by %-formatting.
try:
    "%s %s" % ("a",)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "%s" % ("a", "b")
except TypeError as e:
    print(type(e).__name__, e)
try:
    "%z" % 1
except ValueError as e:
    print(type(e).__name__, e)
