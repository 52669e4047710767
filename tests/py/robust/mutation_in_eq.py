class Evil:
    def __init__(self, d):
        self.d = d
    def __hash__(self):
        return 1
    def __eq__(self, other):
        self.d.clear()
        return False

d = {}
d[Evil(d)] = 1
try:
    d[Evil(d)] = 2
except RuntimeError as e:
    print(type(e).__name__, e)
print(len(d) <= 2)

class EvilList:
    def __eq__(self, other):
        lst.clear()
        return False
lst = [EvilList(), EvilList(), EvilList()]
print(0 in lst)
print(lst.count(0))
lst = [EvilList(), EvilList(), EvilList()]
try:
    lst.index(0)
except ValueError as e:
    print(type(e).__name__, e)
print("ok")
