# A context manager defined as a class.
class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type)
        return False
with Ctx("a") as value:
    print("body", value)
with Ctx("b"):
    print("no as target")
print("after")
