# Snapshot.filter_traces with inclusive/exclusive Filter patterns, line
# numbers and all_frames; Traceback.format() of a traced object.
import tracemalloc


class Box:
    def __init__(self, n):
        self.payload = list(range(n))


def make_box():
    return Box(200)


tracemalloc.start(4)
boxes = [make_box() for i in range(20)]
text = ''.join(['x'] * 100000)
snap = tracemalloc.take_snapshot()
tb = tracemalloc.get_object_traceback(text)
tracemalloc.stop()

only_me = snap.filter_traces([tracemalloc.Filter(True, __file__)])
print(all(t.traceback[-1].filename == __file__ or
          any(f.filename == __file__ for f in t.traceback) for t in only_me.traces))
print(len(only_me.traces) > 0, len(only_me.traces) <= len(snap.traces))

pattern = '*' + __file__[__file__.rfind('/'):]
print(len(snap.filter_traces([tracemalloc.Filter(True, pattern)]).traces) > 0)
print(len(snap.filter_traces([tracemalloc.Filter(True, '*/no_such_file.py')]).traces))

not_me = snap.filter_traces([tracemalloc.Filter(False, __file__)])
print(len(not_me.traces) + len(only_me.traces) == len(snap.traces))

line_f = tracemalloc.Filter(True, __file__, lineno=17)
by_line = snap.filter_traces([line_f]).statistics('lineno')
print(len(by_line), by_line[0].traceback[0].lineno, by_line[0].size >= 100000)

deep = snap.filter_traces([tracemalloc.Filter(True, __file__, lineno=16, all_frames=True)])
print(len(deep.traces) > 0)
print(snap.filter_traces([]).traces == snap.traces)
print(line_f.filename_pattern == __file__, line_f.lineno, line_f.all_frames, line_f.inclusive)
print(tracemalloc.Filter(True, 'x.pyc').filename_pattern)
try:
    snap.filter_traces(3)
except TypeError as e:
    print("TypeError:", e)

print(len(tb), str(tb) == '%s:17' % __file__)
lines = tb.format()
print(lines[0] == '  File "%s", line 17' % __file__)
print(lines[1])
