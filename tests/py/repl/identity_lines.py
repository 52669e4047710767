# mode: both
# Constants on separate REPL lines are separate objects; on one line they are shared.
a = 1000
b = 1000
a is b
c = 1000; d = 1000; c is d
a == b
print("identical:", a is b, c is d)
