# yield from delegates to a sub-generator and returns its value.
def inner():
    yield "a"
    yield "b"
    return "inner done"
def outer():
    result = yield from inner()
    print("inner returned", result)
    yield from [1, 2]
    yield from range(3, 5)
print(list(outer()))
def chain(*its):
    for it in its:
        yield from it
print(list(chain("xy", (1, 2), [None])))
