# mode: both
# Using 'is' with an int literal compiles with a SyntaxWarning.
x = 5
print(x is 5)
y = 1000
print(y is not 1000)
