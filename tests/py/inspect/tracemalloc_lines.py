# Each allocation is traced to the line of the instruction that made it.
import tracemalloc

def build():
    a = [0] * 20000
    b = {i: None for i in range(3000)}
    c = "x" * 100000
    return a, b, c

tracemalloc.start(2)
keep = build()
big = [None] * 30000
text = "y" * 200000
table = dict.fromkeys(range(4000))
snap = tracemalloc.take_snapshot()
tracemalloc.stop()
snap = snap.filter_traces([tracemalloc.Filter(True, __file__)])
lines = sorted(int(str(s).split(":")[1]) for s in snap.statistics("lineno")
               if s.size >= 50000)
print(lines)
tbs = sorted([f.lineno for f in s.traceback] for s in snap.statistics("traceback")
             if s.size >= 50000)
for frames in tbs:
    print(frames)
