l = [3, 1, 2]
def key(x):
    l.append(x)
    return x
try:
    l.sort(key=key)
except ValueError as e:
    print(type(e).__name__, e)
print(len(l) >= 0)
class Bad:
    def __lt__(self, other):
        raise ZeroDivisionError("boom")
try:
    sorted([Bad(), Bad()])
except ZeroDivisionError as e:
    print(type(e).__name__, e)
class Clear:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        lst.clear()
        return self.v < other.v
lst = [Clear(i) for i in range(10)]
try:
    lst.sort()
except ValueError as e:
    print(type(e).__name__, e)
print("ok")
