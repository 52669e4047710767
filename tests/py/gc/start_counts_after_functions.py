# mode: both
# The counts at the first instruction depend on what compiling the script
# left: twenty functions defined below the first print.
import gc
print(gc.get_count())
x = [{} for i in range(1000)]
print(gc.get_count())
def f0(): return 0
def f1(a, b): return a + b
def f2(): return 2
def f3(*args, **kw): return args, kw
def f4(): return 4
def f5(): return [i for i in range(3)]
def f6(): return 6
def f7(): return 'fifteen'
def f8(): return 8
def f9(): return (1, 2, 3)
def f10(): return 10
def f11(a, b): return a + b
def f12(): return 12
def f13(*args, **kw): return args, kw
def f14(): return 14
def f15(): return [i for i in range(3)]
def f16(): return 16
def f17(): return 'fifteen'
def f18(): return 18
def f19(): return (1, 2, 3)
