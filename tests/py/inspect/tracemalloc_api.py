# tracemalloc's module-level functions: state, limits, errors.
import tracemalloc

print(tracemalloc.is_tracing())
print(tracemalloc.get_traced_memory())
print(tracemalloc.get_object_traceback(object()))
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
for bad in (0, -1, 65536):
    try:
        tracemalloc.start(bad)
    except ValueError as e:
        print("ValueError:", e)
print(tracemalloc.is_tracing())

tracemalloc.start()
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
tracemalloc.start(5)
print(tracemalloc.get_traceback_limit())
data = [bytes(1000) for i in range(50)]
cur, peak = tracemalloc.get_traced_memory()
print(cur >= 50000, peak >= cur)
del data
cur2, peak2 = tracemalloc.get_traced_memory()
print(cur2 < cur, peak2 == peak)
tracemalloc.reset_peak()
cur3, peak3 = tracemalloc.get_traced_memory()
print(peak3 < peak, peak3 >= cur3)
print(type(tracemalloc.get_tracemalloc_memory()).__name__)
tracemalloc.clear_traces()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory()[0] < 1000)
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
print(tracemalloc.get_traceback_limit())
tracemalloc.start(1)
print(tracemalloc.get_traceback_limit())
tracemalloc.stop()
