# fib: recursive function calls (call/return overhead, small-int arithmetic,
# comparisons).  Scale multiplies the number of fib(N) evaluations.
import sys

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def main(scale):
    reps = max(1, int(330 * scale))
    total = 0
    for i in range(reps):
        total += fib(20 + i % 3)
    print("fib", reps, total)

main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
