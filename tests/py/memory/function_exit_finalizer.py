# mode: both
# Locals are released when a function returns.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("deleted", self.name)

def work():
    local = Noisy("local")
    print("end of work")

work()
print("after work")
