# generators: generator pipelines (chained generator functions, yield from,
# generator expressions consumed by sum/max/any/sorted, send()).
# Scale multiplies the length of the streams.
import sys

def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x

def squares(src):
    for x in src:
        yield x * x

def chunks(src, size):
    buf = []
    for x in src:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf

def flatten(lists):
    for l in lists:
        yield from l

def running_mean():
    total = 0
    count = 0
    mean = 0
    while True:
        v = yield mean
        total += v
        count += 1
        mean = total // count

def main(scale):
    n = max(10, int(1700000 * scale))
    a = sum(squares(evens(numbers(n))))
    b = 0
    for c in chunks(numbers(n), 7):
        b += len(c) * c[0]
    d = sum(x for x in flatten(chunks(numbers(n // 2), 5)) if x % 3)
    e = max(x * 7 % 1001 for x in range(n // 2))
    f = any(x > n for x in numbers(n // 4))
    g = sorted(x % 97 for x in numbers(1000))[-3:]
    rm = running_mean()
    next(rm)
    m = 0
    for i in range(n // 4):
        m = rm.send(i)
    rm.close()
    print("generators", n, a, b, d, e, f, g, m)

main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
