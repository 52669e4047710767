# mode: both
# Two assignments on one line are one compilation unit even in the REPL.
a = 257; b = 257
print(a is b)
c = 1000; d = 1000; print(c is d)
