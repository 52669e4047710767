# loops: integer while/for loops, arithmetic, bitwise and comparison
# operators on small ints and on ints that exceed the small-int cache.
# Scale multiplies the outer iteration count.
import sys

def collatz_steps(n):
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n >>= 1
        steps += 1
    return steps

def mix(limit):
    acc = 0
    for i in range(limit):
        acc = (acc * 31 + i) % 1000003
        acc ^= i << 3
        if acc > 500000:
            acc -= i
    return acc

def main(scale):
    n = max(2, int(59000 * scale))
    best = 0
    best_at = 0
    total = 0
    for i in range(1, n):
        s = collatz_steps(i)
        total += s
        if s > best:
            best = s
            best_at = i
    m = mix(max(1, int(2700000 * scale)))
    print("loops", n, total, best, best_at, m)

main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
