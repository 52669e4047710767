# mode: both
# Module code runs in a function object (PyEval_EvalCode makes one): a gc
# object that gc.get_referrers finds through its __globals__.
import gc, sys
g = globals()
r = gc.get_referrers(g)
print(len(r), [type(x).__name__ for x in r])
f = [x for x in r if type(x).__name__ == 'function'][0]
del r
print(f.__name__, f.__qualname__, f.__module__, f.__doc__, f.__defaults__)
print(f.__globals__ is g, f.__builtins__ is __builtins__.__dict__, gc.is_tracked(f))
print([type(x).__name__ for x in gc.get_referents(f)])
print(sys.getrefcount(f))
print(sys.getrefcount(g))
fs = [o for o in gc.get_objects() if type(o).__name__ == 'function' and o.__name__ == '<module>']
print(len(fs), fs[0] is f)
del fs, f
