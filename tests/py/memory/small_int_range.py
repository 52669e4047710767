# mode: both
# Values produced by range() near the cache boundary.
for i in range(254, 259):
    j = int(str(i))
    print(i, i is j)
