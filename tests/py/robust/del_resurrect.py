saved = []

class R:
    def __del__(self):
        saved.append(self)
        print("resurrect")

r = R()
del r
print(len(saved))
saved.clear()
print("cleared")

class Err:
    def __del__(self):
        1 / 0

def g():
    e = Err()
    raise KeyError("k")
try:
    g()
except KeyError as e:
    print(type(e).__name__, e)
print("done")
