# mode: both
# Literal on the left, tuples and floats also warn; None, True and ... do not.
v = 2.5
print(2.5 is v)
w = ()
print(w is (), w is None, v is not True)
