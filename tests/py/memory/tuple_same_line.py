# mode: both
# On one line, equal tuple constants are merged in the REPL too.
a = (1, 2); b = (1, 2); print(a is b)
c = (1, ("x", 2.5)); d = (1, ("x", 2.5)); print(c is d)
e = (3, 4)
f = (3, 4)
print(e is f, e == f)
