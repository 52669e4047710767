# mode: both
# Expression statements inside a loop body are displayed on each iteration.
for i in range(3):
    i * 10

total = 0
for i in range(4):
    total += i
    total

print("total", total)
