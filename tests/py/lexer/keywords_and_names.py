# Soft names that look like keywords are ordinary identifiers.
print_ = 1
match = 2
case = 3
_ = 4
__x = 5
print(print_, match, case, _, __x)
True_ = True
print(True_, None, not False)
