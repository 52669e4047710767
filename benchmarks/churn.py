# churn: allocation churn of short-lived small objects: tuples, lists,
# dicts and floats created and freed at a high rate (allocator fast paths,
# tuple/list free lists, refcount dealloc).  Scale multiplies the count.
import sys

def main(scale):
    n = max(10, int(1000000 * scale))
    acc = 0
    keep = None
    for i in range(n):
        t = (i, i + 1, i + 2)
        u = (t, i & 7)
        l = [i, t, u]
        p = [i & 3] * 4
        a, b, c = t
        acc += a + c - b + len(l) + p[2] + u[1]
        if i % 1000 == 0:
            keep = {"k": l, "j": (a, b)}
        f = float(i) * 0.5
        acc += int(f) & 1
    sw = 0
    x, y = 1, 2
    for i in range(n):
        x, y = y, x + i & 0xffff
        sw += x
    print("churn", n, acc, sw, len(keep))

main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
