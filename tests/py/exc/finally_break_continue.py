# finally inside loops with break and continue.
for i in range(3):
    try:
        if i == 0:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)
print("after loop")
n = 0
while True:
    try:
        n += 1
        if n == 2:
            break
    finally:
        print("while finally", n)
