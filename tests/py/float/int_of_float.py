# int() truncates floats toward zero.
for x in [3.7, -3.7, 0.5, -0.5, 1e10, 2.0 ** 62, -0.0, 1e18 + 0.5]:
    print(x, int(x))
print(int(1e25), int(-1.5e20))
print(int(0.9999999999999999), int(-1e-300))
print(type(int(2.5)).__name__)
