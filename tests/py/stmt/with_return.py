# Leaving a with block via return, break and continue still calls __exit__.
class Ctx:
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print("exit", self.tag)
def f():
    with Ctx("return"):
        return "returned"
print(f())
for i in range(3):
    with Ctx(i):
        if i == 0:
            continue
        if i == 1:
            break
print("done")
