# The global statement.
counter = 0
def increment():
    global counter
    counter += 1
    return counter
increment()
increment()
print(counter)
def make_global():
    global created
    created = "made inside function"
make_global()
print(created)
def shadow():
    counter = 100
    return counter
print(shadow(), counter)
