# A StopIteration raised inside a generator becomes RuntimeError.
def gen():
    yield 1
    raise StopIteration("inner")
try:
    list(gen())
except RuntimeError as e:
    print(type(e).__name__, e)
    print(type(e.__context__).__name__)
