# lists: list sort (ints, tuples, with key), comprehensions, slicing and
# slice assignment, append/pop, reverse, sum/min/max, `in`.
# Scale multiplies the list size (the six passes are fixed).
import sys

def lcg_list(n, seed):
    x = seed
    out = []
    for _ in range(n):
        x = (x * 1664525 + 1013904223) % 4294967296
        out.append(x >> 12)
    return out

def main(scale):
    n = max(20, int(77000 * scale))
    data = lcg_list(n, 7)
    acc = 0
    for rnd in range(6):
        a = sorted(data)
        acc += a[0] + a[-1] + a[n // 2]
        b = [x * 3 + rnd for x in data if x & 1]
        b.sort(reverse=True)
        acc += b[len(b) // 3]
        pairs = [(x % 100, -x) for x in data[: n // 2]]
        pairs.sort()
        acc += pairs[0][1] + pairs[-1][1]
        keyed = sorted(data[n // 4 :], key=lambda v: v % 1000)
        acc += keyed[0] + keyed[-1]
        c = data[::3] + data[1::3]
        c[10:20] = c[:5]
        c.reverse()
        acc += sum(c[:100]) + len(c)
        stack = []
        for x in data[:5000]:
            stack.append(x)
            if x % 3 == 0:
                acc += stack.pop()
        acc += max(stack) - min(stack) + len(stack)
        grid = [[i * j for j in range(30)] for i in range(30)]
        flat = [v for row in grid for v in row if v % 2 == 0]
        acc += sum(flat)
        acc += sum(1 for x in data[:1000] if x in data[1000:1200])
        data = data[7:] + data[:7]
    print("lists", n, acc % 1000000007)

main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
