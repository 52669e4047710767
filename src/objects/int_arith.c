// int arithmetic: the binary_op slot (+ - * / // % ** & | ^ << >>) with
// an int64 fast path and GMP beyond it, three-argument pow, divmod,
// round() and correctly rounded true division.
#include <math.h>

#include "objects/int_internal.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/tuple.h"
#include "memory/alloc.h"

// Results past this many bits are a MemoryError: GMP itself aborts past
// 2**31 limbs (2**37 bits), and 8 GiB is more than refpy's machines hold.
// GMP's own allocations cannot fail softly, so the limit also keeps a
// result (and GMP's scratch space) within the largest block allowed.
static inline uint64_t max_result_bits(void)
{
    uint64_t cap = (uint64_t)1 << 36, m = (uint64_t)rp_mem_max_block() * 2;
    return m < cap ? m : cap;
}
#define MAX_SHIFT_BITS max_result_bits()

static rp_obj_t *zero_div(int op)
{
    if (op == RP_BINOP_MOD)
        return rp_err_format(&rp_exc_ZeroDivisionError, "integer modulo by zero");
    if (op == RP_BINOP_TRUEDIV)
        return rp_err_format(&rp_exc_ZeroDivisionError, "division by zero");
    return rp_err_format(&rp_exc_ZeroDivisionError, "integer division or modulo by zero");
}

// ---------------------------------------------------------------------
// True division, correctly rounded (as CPython's long_true_divide).

rp_obj_t *rp_int_true_divide(rp_obj_t *a, rp_obj_t *b)
{
    int_view_t va, vb;
    int_view_init(&va, a);
    int_view_init(&vb, b);
    int sb = mpz_sgn(vb.z), sa = mpz_sgn(va.z);
    if (sb == 0)
        return zero_div(RP_BINOP_TRUEDIV);
    bool negate = (sa < 0) != (sb < 0);
    if (sa == 0)
        return rp_float_from_double(negate ? -0.0 : 0.0);
    mpz_t A, B, q, r;
    mpz_init(A);
    mpz_init(B);
    mpz_abs(A, va.z);
    mpz_abs(B, vb.z);
    long diff = (long)mpz_sizeinbase(A, 2) - (long)mpz_sizeinbase(B, 2);
    if (diff > 1025) {
        mpz_clear(A);
        mpz_clear(B);
        return rp_err_format(&rp_exc_OverflowError,
                             "integer division result too large for a float");
    }
    // Scale so the quotient has 55 or 56 bits: q = floor(A * 2^s / B).
    long s = 55 - diff;
    if (s >= 0)
        mpz_mul_2exp(A, A, (mp_bitcnt_t)s);
    else
        mpz_mul_2exp(B, B, (mp_bitcnt_t)-s);
    mpz_init(q);
    mpz_init(r);
    mpz_tdiv_qr(q, r, A, B);
    bool sticky = mpz_sgn(r) != 0;
    size_t qbits = mpz_sizeinbase(q, 2);
    long e = (long)qbits - s;           // value in [2^(e-1), 2^e)
    long ulp_exp = e - 53;
    if (ulp_exp < -1074)
        ulp_exp = -1074;
    long k = ulp_exp + s;               // low bits of q to round away
    uint64_t m;
    if (k <= 0) {
        m = mpz_get_ui(q) << -k;
    } else if ((size_t)k > qbits + 1) {
        m = 0;      // far below the smallest subnormal
    } else {
        bool half = mpz_tstbit(q, (mp_bitcnt_t)k - 1) != 0;
        bool below = sticky || (k >= 2 && mpz_scan1(q, 0) < (mp_bitcnt_t)k - 1);
        mpz_tdiv_q_2exp(q, q, (mp_bitcnt_t)k);
        m = mpz_get_ui(q);
        if (half && (below || (m & 1)))
            m++;
    }
    mpz_clear(A);
    mpz_clear(B);
    mpz_clear(q);
    mpz_clear(r);
    double d = ldexp((double)m, (int)ulp_exp);
    if (isinf(d))
        return rp_err_format(&rp_exc_OverflowError,
                             "integer division result too large for a float");
    return rp_float_from_double(negate ? -d : d);
}

// ---------------------------------------------------------------------
// Power

static rp_obj_t *int_pow(rp_obj_t *a, rp_obj_t *b)
{
    rp_int_t *x = (rp_int_t *)a, *y = (rp_int_t *)b;
    if (rp_int_sign(b) < 0) {
        double da = rp_int_as_double(a);
        if (da == -1.0 && rp_err_occurred())
            return NULL;
        double db = rp_int_as_double(b);
        if (db == -1.0 && rp_err_occurred())
            return NULL;
        return rp_float_pow_double(da, db);
    }
    if (!x->big && !y->big) {
        int64_t base = x->value, r = 1;
        uint64_t e = (uint64_t)y->value;
        bool ok = true;
        int64_t p = base;
        while (e) {
            if (e & 1) {
                if (__builtin_mul_overflow(r, p, &r)) {
                    ok = false;
                    break;
                }
            }
            e >>= 1;
            if (e && __builtin_mul_overflow(p, p, &p)) {
                ok = false;
                break;
            }
        }
        if (ok)
            return rp_int_from_i64(r);
    }
    int_view_t va;
    int_view_init(&va, a);
    if (y->big) {
        // Only trivial bases give a representable result.
        if (mpz_cmpabs_ui(va.z, 1) <= 0) {
            if (mpz_sgn(va.z) >= 0)
                return rp_int_exact_copy(a);
            return rp_int_from_i64(mpz_even_p((mpz_srcptr)y->big) ? 1 : -1);
        }
        return rp_err_nomemory();
    }
    uint64_t e = (uint64_t)y->value;
    if (mpz_cmpabs_ui(va.z, 1) <= 0) {
        if (mpz_sgn(va.z) >= 0 || e == 0)
            return rp_int_from_i64(e == 0 ? 1 : mpz_get_si(va.z));
        return rp_int_from_i64((e & 1) ? -1 : 1);
    }
    size_t bits = mpz_sizeinbase(va.z, 2);
    if ((double)(bits - 1) * (double)e > (double)MAX_SHIFT_BITS)
        return rp_err_nomemory();
    mpz_t r;
    mpz_init(r);
    mpz_pow_ui(r, va.z, e);
    return rp_int_from_mpz_take(r);
}

rp_obj_t *rp_int_pow3(rp_obj_t *a, rp_obj_t *b, rp_obj_t *m)
{
    if (!rp_int_check(a) || !rp_int_check(b) || !rp_int_check(m))
        return rp_newref(rp_NotImplemented);
    int_view_t va, vb, vm;
    int_view_init(&va, a);
    int_view_init(&vb, b);
    int_view_init(&vm, m);
    if (mpz_sgn(vm.z) == 0)
        return rp_err_format(&rp_exc_ValueError, "pow() 3rd argument cannot be 0");
    mpz_t mod, base, r;
    mpz_init(mod);
    mpz_abs(mod, vm.z);
    mpz_init_set(base, va.z);
    mpz_init(r);
    if (mpz_sgn(vb.z) < 0) {
        if (!mpz_invert(base, base, mod) && mpz_cmp_ui(mod, 1) != 0) {
            mpz_clear(mod);
            mpz_clear(base);
            mpz_clear(r);
            return rp_err_format(&rp_exc_ValueError,
                                 "base is not invertible for the given modulus");
        }
        mpz_t e;
        mpz_init(e);
        mpz_neg(e, vb.z);
        mpz_powm(r, base, e, mod);
        mpz_clear(e);
    } else {
        mpz_powm(r, base, vb.z, mod);
    }
    if (mpz_cmp_ui(mod, 1) == 0)
        mpz_set_ui(r, 0);
    // The result takes the sign of the modulus.
    if (mpz_sgn(vm.z) < 0 && mpz_sgn(r) != 0)
        mpz_sub(r, r, mod);
    mpz_clear(mod);
    mpz_clear(base);
    return rp_int_from_mpz_take(r);
}

// ---------------------------------------------------------------------
// The binary_op slot

static rp_obj_t *shift(rp_obj_t *a, rp_obj_t *b, bool left)
{
    rp_int_t *y = (rp_int_t *)b;
    if (rp_int_sign(b) < 0)
        return rp_err_format(&rp_exc_ValueError, "negative shift count");
    int_view_t va;
    int_view_init(&va, a);
    if (mpz_sgn(va.z) == 0)
        return rp_int_from_i64(0);
    if (y->big || (uint64_t)y->value > MAX_SHIFT_BITS) {
        if (left && y->big) {
            // CPython: more 30-bit digits than a size can count.
            int_view_t vb;
            int_view_init(&vb, b);
            mpz_t w;
            mpz_init(w);
            mpz_fdiv_q_ui(w, vb.z, 30);
            uint64_t max_digits = (((uint64_t)1 << 63) - 1 - 24) / 4;
            uint64_t need = (mpz_sizeinbase(va.z, 2) + 29) / 30 + 1;
            bool too_many = !mpz_fits_ulong_p(w) || mpz_get_ui(w) > max_digits - need;
            mpz_clear(w);
            if (too_many)
                return rp_err_format(&rp_exc_OverflowError, "too many digits in integer");
        }
        if (left)
            return rp_err_nomemory();
        return rp_int_from_i64(mpz_sgn(va.z) < 0 ? -1 : 0);
    }
    if (left && mpz_sizeinbase(va.z, 2) + (uint64_t)y->value > MAX_SHIFT_BITS)
        return rp_err_nomemory();
    mpz_t r;
    mpz_init(r);
    if (left)
        mpz_mul_2exp(r, va.z, (mp_bitcnt_t)y->value);
    else
        mpz_fdiv_q_2exp(r, va.z, (mp_bitcnt_t)y->value);
    return rp_int_from_mpz_take(r);
}

static rp_obj_t *big_binop(rp_obj_t *a, rp_obj_t *b, int op)
{
    switch (op) {
    case RP_BINOP_POW:
        return int_pow(a, b);
    case RP_BINOP_LSHIFT:
        return shift(a, b, true);
    case RP_BINOP_RSHIFT:
        return shift(a, b, false);
    case RP_BINOP_TRUEDIV:
        return rp_int_true_divide(a, b);
    case RP_BINOP_MATMUL:
        return rp_newref(rp_NotImplemented);
    }
    int_view_t va, vb;
    int_view_init(&va, a);
    int_view_init(&vb, b);
    if ((op == RP_BINOP_FLOORDIV || op == RP_BINOP_MOD) && mpz_sgn(vb.z) == 0)
        return zero_div(op);
    if (op == RP_BINOP_MUL &&
        (uint64_t)mpz_sizeinbase(va.z, 2) + mpz_sizeinbase(vb.z, 2) > MAX_SHIFT_BITS)
        return rp_err_nomemory();
    mpz_t r;
    mpz_init(r);
    switch (op) {
    case RP_BINOP_ADD: mpz_add(r, va.z, vb.z); break;
    case RP_BINOP_SUB: mpz_sub(r, va.z, vb.z); break;
    case RP_BINOP_MUL: mpz_mul(r, va.z, vb.z); break;
    case RP_BINOP_FLOORDIV: mpz_fdiv_q(r, va.z, vb.z); break;
    case RP_BINOP_MOD: mpz_fdiv_r(r, va.z, vb.z); break;
    case RP_BINOP_AND: mpz_and(r, va.z, vb.z); break;
    case RP_BINOP_OR: mpz_ior(r, va.z, vb.z); break;
    case RP_BINOP_XOR: mpz_xor(r, va.z, vb.z); break;
    default:
        mpz_clear(r);
        return rp_newref(rp_NotImplemented);
    }
    return rp_int_from_mpz_take(r);
}

rp_obj_t *rp_int_binop(rp_obj_t *a, rp_obj_t *b, int op)
{
    if (op >= RP_BINOP_INPLACE)
        op -= RP_BINOP_INPLACE;
    if (!rp_int_check(a) || !rp_int_check(b))
        return rp_newref(rp_NotImplemented);
    rp_int_t *x = (rp_int_t *)a, *y = (rp_int_t *)b;
    if (x->big || y->big)
        return big_binop(a, b, op);
    int64_t u = x->value, v = y->value, r;
    switch (op) {
    case RP_BINOP_ADD:
        if (!__builtin_add_overflow(u, v, &r))
            return rp_int_from_i64(r);
        break;
    case RP_BINOP_SUB:
        if (!__builtin_sub_overflow(u, v, &r))
            return rp_int_from_i64(r);
        break;
    case RP_BINOP_MUL:
        if (!__builtin_mul_overflow(u, v, &r))
            return rp_int_from_i64(r);
        break;
    case RP_BINOP_FLOORDIV:
        if (v == 0)
            return zero_div(op);
        if (u == INT64_MIN && v == -1)
            break;
        r = u / v;
        if ((u % v != 0) && ((u < 0) != (v < 0)))
            r--;
        return rp_int_from_i64(r);
    case RP_BINOP_MOD:
        if (v == 0)
            return zero_div(op);
        if (v == -1)
            return rp_int_from_i64(0);
        r = u % v;
        if (r != 0 && ((r < 0) != (v < 0)))
            r += v;
        return rp_int_from_i64(r);
    case RP_BINOP_TRUEDIV:
        if (v == 0)
            return zero_div(op);
        if (u >= -(INT64_C(1) << 53) && u <= (INT64_C(1) << 53) &&
            v >= -(INT64_C(1) << 53) && v <= (INT64_C(1) << 53))
            return rp_float_from_double((double)u / (double)v);
        return rp_int_true_divide(a, b);
    case RP_BINOP_AND:
        return rp_int_from_i64(u & v);
    case RP_BINOP_OR:
        return rp_int_from_i64(u | v);
    case RP_BINOP_XOR:
        return rp_int_from_i64(u ^ v);
    case RP_BINOP_LSHIFT:
        if (v < 0)
            return rp_err_format(&rp_exc_ValueError, "negative shift count");
        if (u == 0)
            return rp_int_from_i64(0);
        if (v < 63) {
            r = (int64_t)((uint64_t)u << v);
            if ((r >> v) == u)
                return rp_int_from_i64(r);
        }
        break;
    case RP_BINOP_RSHIFT:
        if (v < 0)
            return rp_err_format(&rp_exc_ValueError, "negative shift count");
        return rp_int_from_i64(v >= 64 ? (u < 0 ? -1 : 0) : (u >> v));
    case RP_BINOP_POW:
        return int_pow(a, b);
    default:
        return rp_newref(rp_NotImplemented);
    }
    return big_binop(a, b, op);
}

// ---------------------------------------------------------------------
// divmod() and round()

rp_obj_t *rp_int_divmod(rp_obj_t *a, rp_obj_t *b)
{
    if (!rp_int_check(a) || !rp_int_check(b))
        return rp_newref(rp_NotImplemented);
    if (rp_int_sign(b) == 0)
        return zero_div(RP_BINOP_FLOORDIV);
    rp_obj_t *q = rp_int_binop(a, b, RP_BINOP_FLOORDIV);
    if (!q)
        return NULL;
    rp_obj_t *m = rp_int_binop(a, b, RP_BINOP_MOD);
    if (!m) {
        rp_decref(q);
        return NULL;
    }
    rp_obj_t *t = rp_tuple_pack(2, q, m);
    rp_decref(q);
    rp_decref(m);
    return t;
}

rp_obj_t *rp_int_round(rp_obj_t *self, rp_obj_t *ndigits)
{
    if (!ndigits || ndigits == rp_None)
        return rp_int_exact_copy(self);
    rp_obj_t *nd = rp_number_index(ndigits);
    if (!nd)
        return NULL;
    int sign = rp_int_sign(nd);
    if (sign >= 0) {
        rp_decref(nd);
        return rp_int_exact_copy(self);
    }
    // Round to a multiple of 10**-ndigits, ties to even.
    rp_int_t *n = (rp_int_t *)nd;
    bool huge = n->big != NULL || n->value < -100000000;
    uint64_t k = huge ? 0 : (uint64_t)(-n->value);
    rp_decref(nd);
    int_view_t v;
    int_view_init(&v, self);
    if (huge || k > mpz_sizeinbase(v.z, 10) + 1)
        return rp_int_from_i64(0);
    mpz_t p, q, r, twice;
    mpz_init(p);
    mpz_ui_pow_ui(p, 10, k);
    mpz_init(q);
    mpz_init(r);
    mpz_fdiv_qr(q, r, v.z, p);
    mpz_init(twice);
    mpz_mul_2exp(twice, r, 1);
    int c = mpz_cmp(twice, p);
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p);
    mpz_clear(p);
    mpz_clear(r);
    mpz_clear(twice);
    return rp_int_from_mpz_take(q);
}
