# mode: both
# get_stats(): per generation, the number of collections, of objects
# collected and of uncollectable objects.
import gc

stats = gc.get_stats()
print(len(stats), [sorted(s) for s in stats])
ignored = gc.collect()
before = gc.get_stats()
x = []
x.append(x)
y = {}
y["y"] = y
del x, y
n = gc.collect(1)
ignored = gc.collect(0)
after = gc.get_stats()
print(n)
for b, a in zip(before, after):
    print(a["collections"] - b["collections"], a["collected"] - b["collected"],
          a["uncollectable"] - b["uncollectable"])
