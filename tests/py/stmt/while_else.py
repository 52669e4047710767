# while loops with else clauses.
n = 0
while n < 3:
    print("n =", n)
    n += 1
else:
    print("loop finished normally")
n = 0
while True:
    n += 1
    if n == 2:
        break
else:
    print("not printed")
print("broke at", n)
while False:
    pass
else:
    print("else runs for zero iterations")
