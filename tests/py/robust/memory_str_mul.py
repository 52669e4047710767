try:
    s = "ab" * 10**13
except MemoryError as e:
    print(type(e).__name__, repr(str(e)))
try:
    s = "a" * (2**62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    s = "ab" * (2**62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    s = "a" * (2**63)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    b = b"ab" * 10**13
except MemoryError as e:
    print("bytes", type(e).__name__)
try:
    t = (1, 2) * 10**13
except MemoryError as e:
    print("tuple", type(e).__name__)
print("ok")
