# mode: both
import gc, sys
def gen():
    x = [1]
    yield 1
    yield 2
g = gen()
print(g.gi_frame is None, g.gi_frame.f_lineno, g.gi_frame.f_back)
next(g)
fr = g.gi_frame
print(fr.f_lineno, fr.f_locals, fr is g.gi_frame)
print([type(o).__name__ for o in gc.get_referents(g)])
print(gc.is_tracked(fr))
for v in g:
    print(v, fr.f_lineno)
print(g.gi_frame, fr.f_lineno, fr.f_locals, gc.is_tracked(fr))
print([type(o).__name__ for o in gc.get_referents(fr)])
