# bool() and int() with more argument forms.
print(bool("False"), bool(0.0), bool(-1), bool(()), bool({}), bool({0}))
print(int("0b11", 0), int("z", 36), int(" 7 "), int(-0.9))
print(int("1" * 30), float("1e-3"), str(-1))
class Z:
    def __bool__(self):
        return False
print(bool(Z()), not Z())
