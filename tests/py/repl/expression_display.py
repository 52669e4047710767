# mode: both
# In the REPL, the value of an expression statement is displayed with repr();
# in a script it is discarded.
1 + 2
"a string"
[1, "two", 3.0]
{"k": (1,)}
2 ** 100
print("print output is not an expression result")
