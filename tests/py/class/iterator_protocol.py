# __iter__ and __next__.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(3)))
c = Countdown(2)
print(next(c), next(c))
print(next(c, "done"))
class Reusable:
    def __iter__(self):
        return iter([1, 2, 3])
r = Reusable()
print(list(r), list(r), sum(r))
