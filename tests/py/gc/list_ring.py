# mode: both
# A ring of five lists, each holding the next.
import gc

ignored = gc.collect()
first = []
cur = first
for i in range(4):
    nxt = [i]
    cur.append(nxt)
    cur = nxt

cur.append(first)
del first, cur, nxt
print(gc.collect())
