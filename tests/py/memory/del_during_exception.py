# mode: both
# Objects referenced only by a frame are freed when the exception is handled.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("deleted", self.name)

def fail():
    temp = Noisy("temp")
    raise RuntimeError("boom")

try:
    fail()
except RuntimeError as e:
    print("caught", e)

print("after try")
