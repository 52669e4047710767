# str() and repr() of exceptions with zero, one and several args.
for e in [ValueError(), ValueError("x"), ValueError("x", 1), ValueError(3)]:
    print(repr(e), "|", str(e), "|", e.args)
print(repr(KeyError("key")), str(KeyError("key")))
print(str(KeyError()), str(KeyError(1, 2)))
print(repr(Exception("it's")))
print(str(IndexError("list index out of range")))
print(repr(StopIteration(5)))
