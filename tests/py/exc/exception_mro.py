# The class chain of some built-in exceptions.
for exc in [ZeroDivisionError, KeyError, UnboundLocalError, RecursionError]:
    print([c.__name__ for c in exc.__mro__])
print(isinstance(ZeroDivisionError("x"), ArithmeticError))
try:
    1 // 0
except ArithmeticError as e:
    print("caught as ArithmeticError:", type(e).__name__)
