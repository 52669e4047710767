# memlab.holders names every kind of holder, and the labels always add
# up to sys.getrefcount(obj) - 1 (internal references included).
import sys, memlab

def total(labels):
    n = 0
    for s in labels:
        if s.startswith("internal/unaccounted: "):
            n += int(s.split()[1])
        elif not s.startswith(("static object:", "note:")):
            n += 1
    return n

def sums(obj):
    expected = sys.getrefcount(obj) - 1
    if expected >= 2 ** 30:
        expected -= 2 ** 30
    return total(memlab.holders(obj)) == expected

def kinds(obj):
    # The labels without addresses, sorted, for a stable comparison.
    out = []
    for s in memlab.holders(obj):
        out.append(s.split(" at 0x")[0])
    return sorted(out)

class C:
    def m(self):
        return self

c = C()
bm = c.m
print(sums(c), [k for k in kinds(c) if "bound method" in k])
# expect: True ['`__self__` of the bound method `C.m`']
lst = [10 ** 20]
it = iter(lst)
print(sums(lst), [k for k in kinds(lst) if "iterated" in k])
# expect: True ['the object iterated by a list_iterator']
key = 10 ** 21
d = {key: key}
print(sums(key), [k for k in kinds(key) if "dict" in k])
# expect: True ['key 1000000000000000000000 of a dict', 'value for key 1000000000000000000000 of a dict']
def mk():
    v = 10 ** 22
    def inner():
        return v
    return inner
f = mk()
print(sums(f.__closure__[0].cell_contents), [k for k in kinds(f.__closure__[0].cell_contents) if "cell" in k])
# expect: True ['cell of closure `mk.<locals>.inner`']
def local_case():
    w = 10 ** 23
    return sums(w), [k for k in kinds(w) if k.startswith("local")]
print(local_case())
# expect: (True, ['local `obj` of `kinds` (frame)', 'local `w` of `local_case` (frame)'])
print(sums(C), [k for k in kinds(C) if "__objclass__" in k][:1])
# expect: True ["`__objclass__` of the getset_descriptor `__dict__` (internal: the class's own descriptor)"]
print(sums(sys), any("internal" in k for k in kinds(sys)))
# expect: True True
def gen():
    x = [10 ** 24]
    yield x
g = gen()
held = next(g)
print(sums(held), [k for k in kinds(held) if "generator" in k])
# expect: True ['held by the suspended generator `gen`']
for o in [None, True, 7, "name", (), "hello world!", 3.5, c.__dict__]:
    print(sums(o), end=" ")
print()
# expect: True True True True True True True True 
