# closures: nested functions capturing variables (cells), nonlocal
# counters, lambdas, closures created in loops, decorators wrapping calls,
# higher-order helpers (map/filter with lambdas).  Scale multiplies the
# iteration count.
import sys

def make_counter(start):
    count = start
    def inc(step):
        nonlocal count
        count += step
        return count
    return inc

def make_adder(k):
    return lambda x: x + k

def compose(f, g):
    def h(x):
        return f(g(x))
    return h

def counted(fn):
    calls = [0]
    def wrapper(*args):
        calls[0] += 1
        return fn(*args)
    wrapper.calls = calls
    return wrapper

@counted
def mul_add(a, b, c):
    return a * b + c

def main(scale):
    n = max(10, int(500000 * scale))
    ctr = make_counter(10)
    adders = [make_adder(k) for k in range(10)]
    total = 0
    for i in range(n):
        f = compose(adders[i % 10], adders[(i * 3) % 10])
        total += f(i) + ctr(i & 3)
        total += mul_add(i & 15, 3, 1)
        g = make_adder(i)
        total += g(1) & 255
    evens = list(filter(lambda v: v % 2 == 0, map(lambda v: v * 3, range(n // 2))))
    total += len(evens) + evens[-1]
    print("closures", n, total, ctr(0), mul_add.calls[0])

main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
