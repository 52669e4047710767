# round() uses round-half-to-even and exact decimal values.
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
print(round(2.675, 2), round(2.665, 2), round(1.005, 2))
print(round(3.14159, 3), round(3.14159, 0), round(-3.7))
print(round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__)
print(round(0.125, 2), round(0.375, 2))
try:
    round(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
