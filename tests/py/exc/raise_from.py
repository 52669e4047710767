# raise ... from sets __cause__.
class AppError(Exception):
    pass
def load():
    try:
        {}["config"]
    except KeyError as e:
        raise AppError("could not load") from e
try:
    load()
except AppError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__)
    print(e.__suppress_context__)
try:
    raise AppError("no cause") from None
except AppError as e:
    print(e.__cause__, e.__suppress_context__)
