# @staticmethod and @classmethod.
class Temp:
    scale = "C"
    def __init__(self, deg):
        self.deg = deg
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32
    @classmethod
    def freezing(cls):
        return cls(0)
    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.scale
class Kelvin(Temp):
    scale = "K"
print(Temp.c_to_f(100), Temp(1).c_to_f(0))
t = Temp.freezing()
print(type(t).__name__, t.deg)
print(Kelvin.freezing().__class__.__name__)
print(Temp.describe(), Kelvin.describe(), Kelvin(5).describe())
