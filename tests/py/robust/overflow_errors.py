try:
    "abc"[2**63]
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1][2**100]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(2**100)[0:1]
    print(len(range(2**100)))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float(10**400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__, e)
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 << (2**100)
except (OverflowError, MemoryError) as e:
    print(type(e).__name__, e)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    int("9" * 100, 1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    round(1e308 * 10)
except OverflowError as e:
    print(type(e).__name__, e)
