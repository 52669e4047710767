# memlab.holders: one label per reference counted by sys.getrefcount
# (minus the call's own argument); the labels must add up exactly.
import sys, memlab

def total(labels):
    # Each label is one reference, except "internal/unaccounted: N" (N of
    # them) and the notes on static objects.
    n = 0
    for s in labels:
        if s.startswith("internal/unaccounted: "):
            n += int(s.split()[1])
        elif not s.startswith(("static object:", "note:")):
            n += 1
    return n

def check(obj):
    labels = memlab.holders(obj)
    expected = sys.getrefcount(obj) - 1
    if sys.getrefcount(obj) >= 2 ** 30:
        expected -= 2 ** 30
    return total(labels) == expected

class Node:
    pass

big = 10 ** 20
holder = [1, big, 3]
d = {"k": big}
y = Node()
y.next = Node()
# Sorted: the heap walk finds holders in allocation order.
print(sorted(memlab.holders(big)))
# expect: ['constant of code object `<module>` (script holders.py)', 'global name `big` in `__main__`', 'item 1 of a list', "literal kept by the compiler for script holders.py while it runs (CPython's parser arena)", "value for key 'k' of a dict"]
print(check(big), check(holder), check(d), check(y), check(y.next))
# expect: True True True True True
print(memlab.holders(y.next))
# expect: ['attribute `next` of a Node']
print(memlab.holders(holder))
# expect: ['global name `holder` in `__main__`']

def mk():
    count = 10 ** 21
    def inc():
        return count
    return inc
inc = mk()
val = inc()
print(sorted(memlab.holders(val)))
# expect: ['cell of closure `mk.<locals>.inc`', 'constant of code object `mk` (script holders.py)', 'global name `val` in `__main__`', "literal kept by the compiler for script holders.py while it runs (CPython's parser arena)"]
print(check(val))
# expect: True

def f(x):
    local = x
    print(memlab.holders(x))
    print(check(x))
f([])
# expect: ['local `x` of `f` (frame)', 'local `local` of `f` (frame)']
# expect: True

k = 123456789
print([s for s in memlab.holders(k) if "constant" in s or "literal" in s])
# expect: ['constant of code object `<module>` (script holders.py)', "literal kept by the compiler for script holders.py while it runs (CPython's parser arena)"]
print(check(k), check("holders"), check(Node), check(None), check(7), check(memlab))
# expect: True True True True True True
print(any(s.startswith("static object:") for s in memlab.holders(None)))
# expect: True
