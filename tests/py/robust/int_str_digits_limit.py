import sys
try:
    int("1" * 4301)
except ValueError as e:
    print(type(e).__name__, e)
print(len(str(int("1" * 4300))))
try:
    str(10 ** 4300)
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(10 ** 5000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    repr(-(10 ** 4300))
except ValueError as e:
    print(type(e).__name__, e)
print(len(hex(10 ** 5000)))
print(int("1_" * 3000 + "1") > 0)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)))
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4999)))
try:
    str(10 ** 5000)
except ValueError as e:
    print(type(e).__name__, e)
