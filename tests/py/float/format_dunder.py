# int and float have __format__: direct calls, subclasses, super().__format__.
print(int.__format__(255, "x"), int.__format__(5, ""), float.__format__(2.0, "e"))
print((1234567).__format__(","), (2.5).__format__(".3f"), True.__format__("d"), True.__format__(""))
class MyInt(int):
    pass
class Celsius(float):
    def __format__(self, spec):
        return super().__format__(spec or ".1f") + "C"
class Hex(int):
    def __format__(self, spec):
        return "0x" + super().__format__("04x")
print(format(MyInt(255), "x"), f"{MyInt(7):03}", format(MyInt(3)))
print(f"{Celsius(21.456)}", f"{Celsius(-3):>8.2f}", "{:e}".format(Celsius(1)))
print(f"{Hex(255)}", "{}".format(Hex(10)))
for bad in [5, None]:
    try:
        int.__format__(1, bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    int.__format__(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    float.__format__(1.0, "x")
except ValueError as e:
    print(type(e).__name__, e)
