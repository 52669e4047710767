# isinstance checks across the built-in exception hierarchy.
pairs = [
    (ZeroDivisionError, ArithmeticError),
    (OverflowError, ArithmeticError),
    (KeyError, LookupError),
    (IndexError, LookupError),
    (UnboundLocalError, NameError),
    (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError),
    (StopIteration, Exception),
    (IndentationError, SyntaxError),
    (Exception, BaseException),
    (KeyboardInterrupt, Exception),
    (SystemExit, BaseException),
    (AssertionError, Exception),
    (ValueError, TypeError),
]
for sub, base in pairs:
    print(sub.__name__, base.__name__, issubclass(sub, base))
