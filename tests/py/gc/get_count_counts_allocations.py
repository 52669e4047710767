# Generation 0 counts allocations minus deallocations of containers;
# numbers, strings and other atoms do not count.
import gc

ignored = gc.collect()
c0 = gc.get_count()
a = []
b = {}
c = [1, 2, 3]
c1 = gc.get_count()
x = 12345678901234567890
s = "abc" * 10
f = 3.5
c2 = gc.get_count()
del a, b
c3 = gc.get_count()
print(c0, c1, c2, c3)
