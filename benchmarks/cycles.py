# cycles: cyclic garbage reclaimed by the cycle collector.  Builds doubly
# linked rings, self-referencing dicts and lists, parent/child trees with
# back references, and instances whose __del__ counts finalisations; drops
# them and calls gc.collect().  After a full collection every finaliser of
# an unreachable object has run, so the printed counts are deterministic.
# Scale multiplies the number of rounds.
import sys
import gc

finalized = 0

class Node:
    def __init__(self, val):
        self.val = val
        self.next = None
        self.prev = None

class Tracked:
    def __init__(self, other):
        self.other = other

    def __del__(self):
        global finalized
        finalized += 1

class Tree:
    def __init__(self, parent, depth):
        self.parent = parent
        self.children = []
        if depth > 0:
            for _ in range(2):
                self.children.append(Tree(self, depth - 1))

def ring(n):
    head = Node(0)
    cur = head
    for i in range(1, n):
        nxt = Node(i)
        cur.next = nxt
        nxt.prev = cur
        cur = nxt
    cur.next = head
    head.prev = cur
    return head

def one_round(i):
    s = 0
    r = ring(50 + i % 10)
    s += r.prev.val
    d = {"i": i}
    d["self"] = d
    l = [i]
    l.append(l)
    t = Tree(None, 5)
    s += len(t.children)
    a = Tracked(None)
    b = Tracked(a)
    a.other = b
    return s

def main(scale):
    rounds = max(4, int(11200 * scale))
    total = 0
    checks = []
    for i in range(rounds):
        total += one_round(i)
        if i % 500 == 499:
            gc.collect()
            checks.append(finalized)
    gc.collect()
    checks.append(finalized)
    print("cycles", rounds, total, finalized, checks[-3:])

main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
