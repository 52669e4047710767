class C:
    def __del__(self):
        raise ValueError("in del")

c = C()
del c
print("after del")

def f():
    x = C()
f()
print("after f")
l = [C() for i in range(2)]
l = None
print("done")
