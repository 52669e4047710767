# pop, remove and clear, including their errors.
a = [10, 20, 30, 20]
print(a.pop(), a)
print(a.pop(0), a)
a.remove(20)
print(a)
try:
    a.remove(99)
except ValueError as e:
    print(type(e).__name__, e)
a.clear()
print(a)
try:
    a.pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1].pop(5)
except IndexError as e:
    print(type(e).__name__, e)
