# memlab.why_alive: the shortest chain of references from a root.
import memlab

class Node:
    pass

holder = [10 ** 20]
print(memlab.why_alive(holder[0]))
# expect: __main__.holder[0]
y = Node()
y.next = Node()
y.next.next = Node()
print(memlab.why_alive(y.next.next))
# expect: __main__.y.next.next
d = {"key": [1, 2]}
print(memlab.why_alive(d["key"]))
# expect: __main__.d['key']

def mk():
    secret = [3]
    def get():
        return secret
    return get
g = mk()
print(memlab.why_alive(g()))
# expect: __main__.g.__closure__[0].cell_contents

def local_only():
    mine = [4]
    return memlab.why_alive(mine)
print(local_only())
# expect: local_only()'s local mine

def cycle():
    a = []
    a.append(a)
    return a
# Only the call's argument holds the cycle: garbage for the collector.
print(memlab.why_alive(cycle()))
# expect: None
# watch() returns the previous setting.
print(memlab.watch(True), memlab.watch(False), memlab.watch(False))
# expect: False True False
