# mode: both
# get_referrers(*objs) lists each referrer once, whichever of objs it
# refers to.
import gc

def check():
    a = []
    b = []
    both = [a, b]
    only_a = (a, 1)
    refs = gc.get_referrers(a, b)
    print(len(refs))
    print(sum(1 for r in refs if r is both), sum(1 for r in refs if r is only_a))
    print(gc.get_referrers() == [])

check()
