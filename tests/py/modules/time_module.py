# time.time and time.perf_counter increase; only comparisons are printed.
import time
t1 = time.time()
p1 = time.perf_counter()
time.sleep(0.01)
t2 = time.time()
p2 = time.perf_counter()
print(type(t1).__name__, type(p1).__name__)
print(t2 >= t1, p2 > p1)
print(p2 - p1 >= 0.005)
print(t1 > 1600000000)
print(time.sleep(0) is None)
