# mode: both
# 257 is outside the small-int cache. In a script both lines are one
# compilation unit and share the constant; in the REPL each line is compiled
# separately and creates its own int object.
a = 257
b = 257
print(a is b)
print(a == b)
