# constants inside functions belong to the unit that compiled them
def f():
    return 1000

def g():
    return 1000

print(f() is g())
n = 1000
print(n is f())
c = f()
print(c is f())
k = [1000]
print(k[0] is n)
