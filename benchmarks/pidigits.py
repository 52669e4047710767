# pidigits: bignum arithmetic.  Gibbons' unbounded spigot for the digits of
# pi: multiplication, addition, floor division and divmod on ints of
# thousands of digits, then a factorial and a big divmod.  Scale
# multiplies the number of digits (the work grows faster than linearly).
import sys

def pi_digits(count):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < count:
        if 4 * q + r - t < n * t:
            out.append(n)
            nr = 10 * (r - n * t)
            n = (10 * (3 * q + r)) // t - 10 * n
            q *= 10
            r = nr
        else:
            nr = (2 * q + r) * l
            nn = (q * (7 * k) + 2 + (r * l)) // (t * l)
            q *= k
            t *= l
            l += 2
            k += 1
            n = nn
            r = nr
    return out

def main(scale):
    count = max(10, int(3000 * scale))
    digits = pi_digits(count)
    text = "".join(str(d) for d in digits)
    for i in range(0, min(len(text), 50), 10):
        print(text[i:i + 10])
    check = 0
    for d in digits:
        check = (check * 10 + d) % 1000000007
    big = 1
    for i in range(1, max(2, int(900 * scale))):
        big *= i
    q, rem = divmod(big, 10 ** 50 + 151)
    print("pidigits", count, check, len(str(big)), rem % 1000000007, q % 99991)

main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
