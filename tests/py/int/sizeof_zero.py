# sys.getsizeof of ints counts at least one 30-bit digit (zero included).
import sys
print([sys.getsizeof(n) for n in (0, 1, -1, 2**30 - 1, 2**30, 2**60, -2**90, True, False)])
print((0).__sizeof__(), (10**100).__sizeof__())
