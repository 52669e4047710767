# spectral_norm: float math with many small function calls (the spectral
# norm of the infinite matrix A), list comprehensions over floats, zip.
# The matrix size is proportional to the square root of the scale, so
# the work (quadratic in the size) grows linearly with it.
import sys
import math

def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)

def eval_a_times_u(u):
    n = len(u)
    return [sum(eval_a(i, j) * u_j for j, u_j in enumerate(u)) for i in range(n)]

def eval_at_times_u(u):
    n = len(u)
    return [sum(eval_a(j, i) * u_j for j, u_j in enumerate(u)) for i in range(n)]

def eval_ata_times_u(u):
    return eval_at_times_u(eval_a_times_u(u))

def main(scale):
    n = max(4, int(308 * scale ** 0.5))
    u = [1.0] * n
    for _ in range(10):
        v = eval_ata_times_u(u)
        u = eval_ata_times_u(v)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    print("spectral_norm", n, "%.9f" % math.sqrt(vbv / vv))

main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
