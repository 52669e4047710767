# Integer results too large for memory raise MemoryError (never abort).
for f in [lambda: 1 << 2**40, lambda: -1 << 2**40, lambda: 3 << 2**41,
          lambda: (1 << 100) << (2**40 - 50)]:
    try:
        f()
    except MemoryError as e:
        print(type(e).__name__, repr(str(e)))
try:
    1 << 2**100
except OverflowError as e:
    print(type(e).__name__, e)
print((1 << 1000).bit_length(), (5 >> 2**40), (-5 >> 2**40))
