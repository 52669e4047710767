# mode: both
# An object still alive at the end of the program is finalized at exit.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("deleted at exit", self.name)

keep = Noisy("keep")
print("end of program")
