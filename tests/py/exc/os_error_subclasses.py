import builtins
names = ["BlockingIOError", "ChildProcessError", "ConnectionError", "BrokenPipeError",
         "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError",
         "InterruptedError", "NotADirectoryError", "ProcessLookupError", "TimeoutError",
         "BytesWarning", "EncodingWarning", "FutureWarning", "ImportWarning",
         "PendingDeprecationWarning", "ResourceWarning", "UnicodeWarning",
         "UnicodeTranslateError"]
for n in names:
    t = getattr(builtins, n)
    print(n, [c.__name__ for c in t.__mro__[1:]])
try:
    raise ConnectionResetError(104, "reset by peer")
except ConnectionError as e:
    print(type(e).__name__, e.errno, e.strerror, e)
try:
    raise TimeoutError("slow")
except OSError as e:
    print(repr(e))
