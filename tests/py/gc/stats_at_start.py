# mode: both
# gc.get_stats() counts the collections start-up made.
import gc
s = gc.get_stats()
print(s)
gc.collect()
print([d["collections"] - e["collections"] for d, e in zip(gc.get_stats(), s)])
