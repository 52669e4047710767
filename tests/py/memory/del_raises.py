# mode: both
# An exception raised inside __del__ is reported on stderr and ignored.
class Bad:
    def __del__(self):
        raise ValueError("error in __del__")

b = Bad()
del b
print("program continues")
