# mode: both
# Modules python3 imports during start-up (math, time, os) cost a script
# nothing to import; the first import of gc keeps a list from the free
# list.  The free lists then run out where CPython's do.
import gc, math, time, os
print(gc.get_count())
import os.path
print(gc.get_count())
keep = []
counts = []
for i in range(60):
    keep.append([])
    counts.append(gc.get_count()[0])
print(counts)
