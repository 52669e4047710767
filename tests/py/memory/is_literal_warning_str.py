# mode: both
# Using 'is' with a str literal compiles with a SyntaxWarning.
s = "abc"
print(s is "abc")
t = "a b"
print(t == "a b")
