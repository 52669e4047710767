# mode: both
# The REPL displays strings with repr(); print shows str().
"text"
"it's"
"line1\nline2"
print("line1\nline2")
s = "tab\there"
s
print(s)
