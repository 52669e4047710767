# get_object_traceback names the line that created each object, through
# nested calls (nframe=3), and Traceback.format() lists those frames.
import tracemalloc


def make_str(n):
    return "p" * n


def make_text(n):
    d = "q" * n
    return d


def outer():
    a = make_str(5000)
    b = make_text(500)
    return a, b


tracemalloc.start(3)
a, b = outer()
s = "z" * 50000
tb_a = tracemalloc.get_object_traceback(a)
tb_b = tracemalloc.get_object_traceback(b)
tb_s = tracemalloc.get_object_traceback(s)
print(tracemalloc.get_traceback_limit())
for tb in (tb_a, tb_b, tb_s):
    print(len(tb), [f.lineno for f in tb])
    print(tb[0].filename.endswith("tracemalloc_object_tb.py"))
for line in tb_a.format():
    print(line.replace(__file__, "FILE"))
for line in tb_b.format(limit=1, most_recent_first=True):
    print(line.replace(__file__, "FILE"))
tracemalloc.stop()
print(tracemalloc.get_object_traceback(s))
