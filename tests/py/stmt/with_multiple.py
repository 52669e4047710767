# Several context managers in one with statement, and nesting.
class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, *args):
        print("exit", self.name)
with Ctx("a") as a, Ctx("b") as b:
    print("body", a, b)
with Ctx("outer"):
    with Ctx("inner"):
        print("nested body")
