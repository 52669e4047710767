# Snapshot.compare_to: StatisticDiff values, ordering and str() format.
import tracemalloc


def looks_like_size(text, signed):
    num, unit = text.split(' ')
    if unit not in ('B', 'KiB', 'MiB', 'GiB'):
        return False
    if signed:
        if num[0] not in '+-':
            return False
        num = num[1:]
    return num.replace('.', '', 1).isdigit()


def check_diff(text):
    # "FILE:LINE: size=S (+S), count=N (+N), average=S"
    where, rest = text.split(': ', 1)
    size_part, count_part, avg = rest.split(', ')
    size, size_diff = size_part[5:].split(' (')
    count, count_diff = count_part[6:].split(' (')
    return (size_part.startswith('size=') and looks_like_size(size, False)
            and size_diff.endswith(')') and looks_like_size(size_diff[:-1], True)
            and count.isdigit() and count_diff[0] in '+-'
            and count_diff[1:-1].isdigit()
            and avg.startswith('average=') and looks_like_size(avg[8:], False))


tracemalloc.start()
snap1 = tracemalloc.take_snapshot()
grow = [str(i) * 30 for i in range(1500)]
snap2 = tracemalloc.take_snapshot()
del grow
snap3 = tracemalloc.take_snapshot()
tracemalloc.stop()

diff = snap2.compare_to(snap1, 'lineno')
d = diff[0]
print(type(d).__name__, d.traceback[0].lineno)
print(d.count_diff >= 1500, d.size_diff == d.size, d.count_diff == d.count)
print(check_diff(str(d)))
print(str(d).startswith('%s:%d: size=' % (__file__, 31)))
print(' (+' in str(d), ', count=' in str(d))
keys = [abs(s.size_diff) for s in diff]
print(keys == sorted(keys, reverse=True))

back = snap3.compare_to(snap2, 'lineno')
gone = [s for s in back if s.traceback[0].lineno == 31]
print(len(gone), gone[0].size_diff < 0, gone[0].count_diff <= -1500)
print(' (-' in str(gone[0]), ', count=' in str(gone[0]))

same = snap2.compare_to(snap2, 'filename')
print(all(s.size_diff == 0 and s.count_diff == 0 for s in same))
