# User exception subclasses and their args.
class MyError(Exception):
    pass
class DetailedError(MyError):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self):
        return "[" + str(self.code) + "] " + self.msg
try:
    raise MyError("simple")
except MyError as e:
    print(type(e).__name__, e, e.args)
try:
    raise DetailedError(404, "not found")
except MyError as e:
    print(type(e).__name__, e, e.args, e.code)
print(issubclass(DetailedError, Exception))
