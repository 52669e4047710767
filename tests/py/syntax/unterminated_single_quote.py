# Unterminated single-quoted string at the end of an assignment.
x = 1
y = 2
s = 'abc
print(x, y, s)
