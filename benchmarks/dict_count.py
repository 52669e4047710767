# dict_count: dict-heavy counting.  Builds word keys from a deterministic
# generator, counts them with get(), `in` and item assignment, merges
# counters, iterates items() and sorts the result.  Scale multiplies the
# number of words counted.
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "zu", "pe", "do", "ha"]

def words(n, seed):
    x = seed
    out = []
    ns = len(SYLLABLES)
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7fffffff
        w = SYLLABLES[x % ns] + SYLLABLES[(x >> 8) % ns]
        if x & 0x100:
            w = w + SYLLABLES[(x >> 16) % ns]
        out.append(w)
    return out

def count_get(ws):
    d = {}
    for w in ws:
        d[w] = d.get(w, 0) + 1
    return d

def count_in(ws):
    d = {}
    for w in ws:
        if w in d:
            d[w] += 1
        else:
            d[w] = 1
    return d

def int_keys(n):
    d = {}
    for i in range(n):
        k = (i * 7919) % 5003
        d[k] = d.get(k, 0) + i
    s = 0
    for k, v in d.items():
        s += k * v
    for k in list(d):
        if k % 3 == 0:
            del d[k]
    return s, len(d)

def main(scale):
    n = max(10, int(800000 * scale))
    ws = words(n, 42)
    a = count_get(ws)
    b = count_in(ws)
    same = a == b
    merged = dict(a)
    for k, v in b.items():
        merged[k] = merged.get(k, 0) + v
    top = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    s, left = int_keys(n)
    print("dict_count", n, len(a), same, top, s, left)

main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
