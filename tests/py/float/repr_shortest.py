# Floats print as the shortest string that round-trips.
print(0.1 + 0.2, 0.1 + 0.2 == 0.3)
print(1e16, 1e15, 123456789012345678.0)
print(1e-5, 0.0001, 1e-4 / 10)
print(1e22, 1e21, 1e23)
print(1.0, 100.0, 1.5, 2.675)
print(1 / 3, 2 / 3, 10 / 3)
print(repr(0.1), str(0.1))
print(5e-324, 1.7976931348623157e308)
