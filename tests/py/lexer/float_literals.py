# Float literals with and without exponents.
print(1.0, 1., .5, 0.25)
print(1e3, 1E3, 1e-3, 2.5e+2)
print(1.5e10, 1.5e16, 1.5e-7)
print(0e0, 0.0, 00.5)
print(1e308, 1e-308)
print(1e309, -1e309)
print(3.14159265358979323846)
print(type(1e3).__name__, type(1.).__name__)
