# abs() and round() on integers, including negative ndigits.
print(abs(-5), abs(0), abs(5), abs(-(2 ** 70)))
print(round(1234), round(1234, 2))
print(round(1234, -1), round(1235, -1), round(1245, -1))
print(round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(123456789, -3), round(5, -1), round(15, -1))
print(type(round(5)).__name__, type(round(5, -1)).__name__)
