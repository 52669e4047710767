# mode: both
# Nested blocks are one REPL input until the blank line.
for i in range(3):
    if i % 2 == 0:
        i
    else:
        "odd"

n = 0
while n < 2:
    n += 1
    n

n
print("n is", n)
