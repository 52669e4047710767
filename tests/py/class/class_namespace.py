# Code in a class body runs once, at definition time.
print("before class")
class C:
    print("in class body")
    x = 1
    y = x + 1
    def f(self):
        return self.y
print("after class")
print(C.x, C.y, C().f())
class D:
    values = [i * 2 for i in range(3)]
print(D.values)
