# Builds and drops 1,000,000 objects in cycles, in rounds, relying on
# automatic collection: memory stays flat across rounds (the peak
# resident size stops growing) and everything is freed in the end.
import gc

def peak_rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0

class Node:
    def __init__(self):
        self.peer = None

def round_of_cycles(pairs):
    for i in range(pairs):
        a = Node()
        b = Node()
        a.peer = b
        b.peer = a

ignored = gc.collect()
peaks = []
for r in range(10):
    round_of_cycles(50000)      # 100,000 objects per round
    peaks.append(peak_rss_kb())
ignored = gc.collect()
print(sum(1 for o in gc.get_objects() if type(o) is Node))
growth = peaks[-1] - peaks[2]
print(growth < 8 * 1024)
print(gc.isenabled())
