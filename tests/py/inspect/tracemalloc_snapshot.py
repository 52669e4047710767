# Snapshots: statistics by line, file and traceback, the str() formats,
# traces and Traceback.format() of a traced object.
import tracemalloc


def looks_like_size(text):
    # "87 B", "84.7 KiB", "1.2 MiB"
    num, unit = text.split(' ')
    if unit not in ('B', 'KiB', 'MiB', 'GiB'):
        return False
    return num.replace('.', '', 1).isdigit()


def check_stat(text):
    # "FILE:LINE: size=SIZE, count=N, average=SIZE"
    where, rest = text.split(': ', 1)
    parts = rest.split(', ')
    return (where.count(':') == 1 and len(parts) == 3
            and parts[0].startswith('size=') and looks_like_size(parts[0][5:])
            and parts[1].startswith('count=') and parts[1][6:].isdigit()
            and parts[2].startswith('average=') and looks_like_size(parts[2][8:]))


def build():
    return [('item %d' % i) * 20 for i in range(2000)]


tracemalloc.start()
first = tracemalloc.take_snapshot()
big = build()
medium = [bytes(300) for i in range(300)]
snap = tracemalloc.take_snapshot()
tracemalloc.stop()

top = snap.statistics('lineno')
print(type(top).__name__, len(top) > 0)
print(top[0].traceback[0].filename == __file__, top[0].traceback[0].lineno)
print(top[1].traceback[0].lineno)
print(top[0].count >= 2000, top[0].size >= 2000 * 100)
print(all(check_stat(str(s)) for s in top))
print(str(top[0]).startswith('%s:%d: size=' % (__file__, 31)))
sizes = [s.size for s in top]
print(sizes == sorted(sizes, reverse=True))

by_file = snap.statistics('filename')
mine = [s for s in by_file if s.traceback[0].filename == __file__]
print(len(mine), mine[0].traceback[0].lineno)
print(str(mine[0]).startswith(__file__ + ':0: size='))

by_tb = snap.statistics('traceback')
print(len(by_tb[0].traceback), by_tb[0].size == top[0].size)

print(len(snap.traces) > 0, len(snap.traces) >= len(first.traces))
trace = snap.traces[0]
print(type(trace.size).__name__, trace.domain, len(trace.traceback))
print(snap.traceback_limit)

try:
    snap.statistics('nope')
except ValueError as e:
    print("ValueError:", e)
try:
    snap.statistics('traceback', cumulative=True)
except ValueError as e:
    print("ValueError:", e)
