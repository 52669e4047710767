# mode: both
# A syntax error stops a script before it runs; the REPL skips only that input.
print("first line")
x = = 1
print("line after the syntax error")
x = 2
x
