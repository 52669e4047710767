// int: object creation (the small-int cache, inline int64 values, GMP
// for the rest), conversions to and from C, hashing, comparison, the
// int() constructor, methods and the type object.
#include <math.h>
#include <string.h>

#include "objects/int_internal.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/format.h"
#include "objects/float.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/list.h"
#include "memory/alloc.h"
#include "memory/gc.h"

/*
 * Invariants:
 *
 * - An int whose value fits int64 always has big == NULL and the value
 *   inline; big != NULL only for values outside int64.  Every producer
 *   normalises (rp_int_from_mpz*), so equal values have equal shapes.
 * - Every exact int in -5..256 produced anywhere is the shared static
 *   object rp_small_ints[v + 5].
 * - Instances of int subclasses are never cached and may be larger than
 *   rp_int_t (their type's basicsize); bool has exactly two instances.
 */

int rp_int_max_str_digits = 4300;

#define SI(v) { { RP_STATIC_REFCNT, &rp_type_int }, (v), NULL }
#define SI4(v) SI(v), SI((v) + 1), SI((v) + 2), SI((v) + 3)
#define SI16(v) SI4(v), SI4((v) + 4), SI4((v) + 8), SI4((v) + 12)
#define SI64(v) SI16(v), SI16((v) + 16), SI16((v) + 32), SI16((v) + 48)

rp_int_t rp_small_ints[RP_SMALL_INT_MAX - RP_SMALL_INT_MIN + 1] = {
    SI(-5), SI(-4), SI(-3), SI(-2), SI(-1),
    SI64(0), SI64(64), SI64(128), SI64(192), SI(256),
};

// ---------------------------------------------------------------------
// Creation

static rp_obj_t *alloc_int(int64_t v)
{
    rp_int_t *o = (rp_int_t *)rp_obj_alloc(&rp_type_int, sizeof(rp_int_t));
    if (!o)
        return NULL;
    o->value = v;
    o->big = NULL;
    return RP_OBJ(o);
}

rp_obj_t *rp_int_from_i64(int64_t v)
{
    if ((uint64_t)v - (uint64_t)(int64_t)RP_SMALL_INT_MIN <= (uint64_t)(RP_SMALL_INT_MAX - RP_SMALL_INT_MIN))
        return rp_newref(RP_OBJ(&rp_small_ints[v - RP_SMALL_INT_MIN]));
    return alloc_int(v);
}

rp_obj_t *rp_int_from_ssize(rp_ssize_t v) { return rp_int_from_i64((int64_t)v); }

rp_obj_t *rp_int_from_u64(uint64_t v)
{
    if (v <= (uint64_t)INT64_MAX)
        return rp_int_from_i64((int64_t)v);
    mpz_t z;
    mpz_init_set_ui(z, v);
    return rp_int_from_mpz_take(z);
}

rp_obj_t *rp_int_from_mpz_take(mpz_ptr z)
{
    if (mpz_fits_slong_p(z)) {
        int64_t v = mpz_get_si(z);
        mpz_clear(z);
        return rp_int_from_i64(v);
    }
    mpz_ptr big = rp_mem_alloc(sizeof(__mpz_struct));
    if (!big) {
        mpz_clear(z);
        return rp_err_nomemory();
    }
    *big = *z;      // move the limbs
    rp_int_t *o = (rp_int_t *)rp_obj_alloc(&rp_type_int, sizeof(rp_int_t));
    if (!o) {
        mpz_clear(big);
        rp_mem_free(big);
        return NULL;
    }
    o->value = 0;
    o->big = big;
    return RP_OBJ(o);
}

rp_obj_t *rp_int_from_mpz(mpz_srcptr z)
{
    if (mpz_fits_slong_p(z))
        return rp_int_from_i64(mpz_get_si(z));
    mpz_t c;
    mpz_init_set(c, z);
    return rp_int_from_mpz_take(c);
}

rp_obj_t *rp_int_new_of_type(rp_type_t *type, rp_obj_t *v)
{
    if (type == &rp_type_int)
        return rp_int_exact_copy(v);
    size_t size = (size_t)type->basicsize;
    if (size < sizeof(rp_int_t))
        size = sizeof(rp_int_t);
    rp_int_t *o = (rp_int_t *)rp_obj_alloc(type, size);
    if (!o)
        return NULL;
    memset((char *)o + sizeof(rp_obj_t), 0, size - sizeof(rp_obj_t));
    rp_int_t *src = (rp_int_t *)v;
    o->value = src->value;
    if (src->big) {
        mpz_ptr big = rp_mem_alloc(sizeof(__mpz_struct));
        if (!big) {
            rp_obj_free(RP_OBJ(o));
            return rp_err_nomemory();
        }
        mpz_init_set(big, src->big);
        o->big = big;
    }
    if (rp_type_has_flag(type, RP_TPFLAG_GC))
        rp_gc_track(RP_OBJ(o));
    return RP_OBJ(o);
}

rp_obj_t *rp_int_exact_copy(rp_obj_t *o)
{
    if (rp_int_check_exact(o))
        return rp_newref(o);
    rp_int_t *i = (rp_int_t *)o;
    if (!i->big)
        return rp_int_from_i64(i->value);
    return rp_int_from_mpz(i->big);
}

void rp_int_mpz_set_double(mpz_ptr z, double d)
{
    mpz_set_d(z, d);    // truncates; exact for the integral part
}

rp_obj_t *rp_int_from_double(double d)
{
    if (isnan(d))
        return rp_err_format(&rp_exc_ValueError, "cannot convert float NaN to integer");
    if (isinf(d))
        return rp_err_format(&rp_exc_OverflowError, "cannot convert float infinity to integer");
    if (d > -9223372036854775808.0 && d < 9223372036854775808.0)
        return rp_int_from_i64((int64_t)d);
    mpz_t z;
    mpz_init(z);
    mpz_set_d(z, d);
    return rp_int_from_mpz_take(z);
}

static void int_dealloc(rp_obj_t *o)
{
    rp_int_t *i = (rp_int_t *)o;
    if (i->big) {
        mpz_clear(i->big);
        rp_mem_free(i->big);
        i->big = NULL;
    }
    rp_obj_free(o);
}

// ---------------------------------------------------------------------
// Conversions to C

int64_t rp_int_as_i64(rp_obj_t *o)
{
    rp_int_t *i = (rp_int_t *)o;
    if (!i->big)
        return i->value;
    rp_err_set(&rp_exc_OverflowError, "Python int too large to convert to C long");
    return -1;
}

rp_ssize_t rp_int_as_ssize(rp_obj_t *o)
{
    rp_int_t *i = (rp_int_t *)o;
    if (!i->big)
        return (rp_ssize_t)i->value;
    rp_err_set(&rp_exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

double rp_int_mpz_to_double(mpz_srcptr z, bool *overflow)
{
    *overflow = false;
    size_t n = mpz_sizeinbase(z, 2);
    if (mpz_sgn(z) == 0 || n <= 53)
        return mpz_get_d(z);
    if (n > 1024) {
        *overflow = true;
        return 0;
    }
    // Keep the top 53 bits of |z|, round half to even using the rest.
    size_t k = n - 53;
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    bool half = mpz_tstbit(a, k - 1) != 0;
    bool sticky = k >= 2 && mpz_scan1(a, 0) < k - 1;
    mpz_tdiv_q_2exp(a, a, k);
    uint64_t m = mpz_get_ui(a);
    mpz_clear(a);
    if (half && (sticky || (m & 1)))
        m++;
    double r = ldexp((double)m, (int)k);
    if (isinf(r)) {
        *overflow = true;
        return 0;
    }
    return mpz_sgn(z) < 0 ? -r : r;
}

double rp_int_as_double(rp_obj_t *o)
{
    rp_int_t *i = (rp_int_t *)o;
    if (!i->big)
        return (double)i->value;
    bool overflow;
    double d = rp_int_mpz_to_double(i->big, &overflow);
    if (overflow) {
        rp_err_set(&rp_exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return d;
}

int rp_int_sign(rp_obj_t *o)
{
    rp_int_t *i = (rp_int_t *)o;
    if (!i->big)
        return (i->value > 0) - (i->value < 0);
    return mpz_sgn((mpz_srcptr)i->big);
}

size_t rp_int_bit_length(rp_obj_t *o)
{
    rp_int_t *i = (rp_int_t *)o;
    if (!i->big) {
        uint64_t a = i->value < 0 ? (uint64_t)0 - (uint64_t)i->value : (uint64_t)i->value;
        return a ? 64 - (size_t)__builtin_clzll(a) : 0;
    }
    return mpz_sizeinbase((mpz_srcptr)i->big, 2);
}

// ---------------------------------------------------------------------
// Comparison and hashing

int rp_int_compare(rp_obj_t *a, rp_obj_t *b)
{
    rp_int_t *x = (rp_int_t *)a, *y = (rp_int_t *)b;
    if (!x->big && !y->big)
        return (x->value > y->value) - (x->value < y->value);
    int_view_t va, vb;
    int_view_init(&va, a);
    int_view_init(&vb, b);
    int c = mpz_cmp(va.z, vb.z);
    return (c > 0) - (c < 0);
}

int rp_int_compare_double(rp_obj_t *i, double d)
{
    rp_int_t *x = (rp_int_t *)i;
    if (isinf(d))
        return d > 0 ? -1 : 1;
    double t = trunc(d);
    double frac = d - t;
    int c;
    if (!x->big) {
        int64_t v = x->value;
        if (v > -(INT64_C(1) << 53) && v < (INT64_C(1) << 53)) {
            double dv = (double)v;
            return (dv > d) - (dv < d);
        }
        if (t >= 9223372036854775808.0)
            return -1;
        if (t < -9223372036854775808.0)
            return 1;
        int64_t ti = (int64_t)t;
        c = (v > ti) - (v < ti);
    } else {
        mpz_t tz;
        mpz_init_set_d(tz, t);
        c = mpz_cmp((mpz_srcptr)x->big, tz);
        c = (c > 0) - (c < 0);
        mpz_clear(tz);
    }
    if (c != 0)
        return c;
    return frac > 0 ? -1 : (frac < 0 ? 1 : 0);
}

static bool cmp_result(int c, int op)
{
    switch (op) {
    case RP_LT: return c < 0;
    case RP_LE: return c <= 0;
    case RP_EQ: return c == 0;
    case RP_NE: return c != 0;
    case RP_GT: return c > 0;
    default: return c >= 0;
    }
}

rp_obj_t *rp_int_richcompare(rp_obj_t *a, rp_obj_t *b, int op)
{
    if (!rp_int_check(a) || !rp_int_check(b))
        return rp_newref(rp_NotImplemented);
    return rp_bool_from(cmp_result(rp_int_compare(a, b), op));
}

#define HASH_MODULUS ((UINT64_C(1) << 61) - 1)

rp_hash_t rp_int_hash(rp_obj_t *o)
{
    rp_int_t *i = (rp_int_t *)o;
    int64_t r;
    if (!i->big) {
        int64_t v = i->value;
        uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        uint64_t h = a % HASH_MODULUS;
        r = v < 0 ? -(int64_t)h : (int64_t)h;
    } else {
        mpz_srcptr z = i->big;
        uint64_t h = mpz_tdiv_ui(z, HASH_MODULUS);
        r = mpz_sgn(z) < 0 ? -(int64_t)h : (int64_t)h;
    }
    return r == -1 ? -2 : r;
}

// ---------------------------------------------------------------------
// Slots

static rp_obj_t *int_repr(rp_obj_t *o) { return rp_int_to_decimal(o); }

static int int_bool(rp_obj_t *o)
{
    rp_int_t *i = (rp_int_t *)o;
    return i->big != NULL || i->value != 0;
}

static rp_obj_t *int_float(rp_obj_t *o)
{
    double d = rp_int_as_double(o);
    if (d == -1.0 && rp_err_occurred())
        return NULL;
    return rp_float_from_double(d);
}

rp_obj_t *rp_int_unary(rp_obj_t *a, int op)
{
    rp_int_t *i = (rp_int_t *)a;
    if (!i->big) {
        int64_t v = i->value;
        switch (op) {
        case RP_UNOP_POS:
            return rp_int_exact_copy(a);
        case RP_UNOP_INVERT:
            return rp_int_from_i64(~v);
        case RP_UNOP_ABS:
            if (v >= 0)
                return rp_int_exact_copy(a);
            // fall through
        case RP_UNOP_NEG:
            if (v != INT64_MIN)
                return rp_int_from_i64(-v);
            return rp_int_from_u64((uint64_t)1 << 63);
        }
        return rp_newref(rp_NotImplemented);
    }
    // +x and abs(x >= 0) return x itself for exact ints, as CPython's long_long.
    if (op == RP_UNOP_POS || (op == RP_UNOP_ABS && mpz_sgn((mpz_ptr)i->big) >= 0))
        return rp_int_exact_copy(a);
    mpz_t r;
    mpz_init(r);
    switch (op) {
    case RP_UNOP_NEG: mpz_neg(r, i->big); break;
    case RP_UNOP_ABS: mpz_abs(r, i->big); break;
    case RP_UNOP_INVERT: mpz_com(r, i->big); break;
    default:
        mpz_clear(r);
        return rp_newref(rp_NotImplemented);
    }
    return rp_int_from_mpz_take(r);
}

// ---------------------------------------------------------------------
// int(x), int(x, base)

static rp_obj_t *int_from_bytes_like(const char *s, size_t len, int base)
{
    return rp_int_from_string(s, len, base);
}

static rp_obj_t *call_dunder_int(rp_obj_t *x, rp_obj_t *r, const char *name)
{
    if (!r || rp_int_check_exact(r))
        return r;
    if (!rp_int_check(r)) {
        rp_err_format(&rp_exc_TypeError, "%s returned non-int (type %.200s)", name,
                      rp_type_name(r->type));
        rp_decref(r);
        return NULL;
    }
    rp_obj_t *c = rp_int_exact_copy(r);
    rp_decref(r);
    return c;
}

rp_obj_t *rp_int_from_object(rp_obj_t *x)
{
    if (rp_int_check_exact(x))
        return rp_newref(x);
    rp_type_t *t = x->type;
    if (t->int_)
        return call_dunder_int(x, t->int_(x), "__int__");
    if (t->index)
        return call_dunder_int(x, t->index(x), "__index__");
    if (rp_str_check(x)) {
        rp_ssize_t len;
        const char *s = rp_str_utf8(x, &len);
        if (!s)
            return NULL;
        return rp_int_from_string(s, (size_t)len, 10);
    }
    if (rp_bytes_check(x))
        return int_from_bytes_like(rp_bytes_data(x), (size_t)rp_bytes_len(x), 10);
    static rp_obj_t *trunc_name;
    if (!trunc_name)
        trunc_name = rp_str_intern_cstr("__trunc__");
    if (trunc_name && rp_type_lookup_borrow(t, trunc_name)) {
        rp_obj_t *r = rp_obj_call_method(x, "__trunc__", NULL, 0);
        if (!r || rp_int_check(r))
            return call_dunder_int(x, r, "__trunc__");
        rp_obj_t *i = rp_number_index(r);
        if (!i && rp_err_matches(&rp_exc_TypeError)) {
            rp_err_clear();
            rp_err_format(&rp_exc_TypeError, "__trunc__ returned non-Integral (type %.200s)",
                          rp_type_name(r->type));
        }
        rp_decref(r);
        return i;
    }
    return rp_err_format(&rp_exc_TypeError,
                         "int() argument must be a string, a bytes-like object or a "
                         "real number, not '%.200s'", rp_type_name(t));
}

static rp_obj_t *int_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                         rp_obj_t *kwnames)
{
    rp_obj_t *x = NULL, *base_obj = NULL;
    size_t nkw = rp_arg_nkw(kwnames);
    static bool kwtuple;
    if (nkw || nargs > 2)
        rp_arg_note_kwtuple(&kwtuple, 1);
    if (nargs > 2) {
        return rp_err_format(&rp_exc_TypeError,
                             "int() takes at most 2 arguments (%zu given)", nargs + nkw);
    }
    if (nargs >= 1)
        x = args[0];
    if (nargs >= 2)
        base_obj = args[1];
    for (size_t k = 0; k < nkw; k++) {
        rp_obj_t *kn = rp_tuple_get_borrow(kwnames, (rp_ssize_t)k);
        if (rp_str_eq_cstr(kn, "base") && !base_obj) {
            base_obj = args[nargs + k];
        } else if (rp_str_eq_cstr(kn, "base")) {
            return rp_err_format(&rp_exc_TypeError,
                                 "argument for int() given by name ('base') and position (2)");
        } else {
            return rp_err_format(&rp_exc_TypeError,
                                 "'%S' is an invalid keyword argument for int()", kn);
        }
    }
    rp_obj_t *v;
    if (!base_obj) {
        v = x ? rp_int_from_object(x) : rp_int_from_i64(0);
    } else {
        rp_ssize_t base = rp_number_as_ssize(base_obj, NULL);
        if (base == -1 && rp_err_occurred())
            return NULL;
        if (!x)
            return rp_err_format(&rp_exc_TypeError, "int() missing string argument");
        if ((base != 0 && base < 2) || base > 36)
            return rp_err_format(&rp_exc_ValueError,
                                 "int() base must be >= 2 and <= 36, or 0");
        if (rp_str_check(x)) {
            rp_ssize_t len;
            const char *s = rp_str_utf8(x, &len);
            if (!s)
                return NULL;
            v = rp_int_from_string(s, (size_t)len, (int)base);
        } else if (rp_bytes_check(x)) {
            v = int_from_bytes_like(rp_bytes_data(x), (size_t)rp_bytes_len(x), (int)base);
        } else {
            return rp_err_format(&rp_exc_TypeError,
                                 "int() can't convert non-string with explicit base");
        }
    }
    if (!v || type == &rp_type_int)
        return v;
    rp_obj_t *r = rp_int_new_of_type(type, v);
    rp_decref(v);
    return r;
}

// ---------------------------------------------------------------------
// Methods

static rp_obj_t *int_copy_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                               rp_obj_t *kwnames)
{
    return rp_int_exact_copy(self);
}

static rp_obj_t *int_bit_length(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                rp_obj_t *kwnames)
{
    if (rp_arg_count("bit_length", nargs, 0, 0) < 0)
        return NULL;
    return rp_int_from_u64(rp_int_bit_length(self));
}

static rp_obj_t *int_bit_count(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                               rp_obj_t *kwnames)
{
    if (rp_arg_count("bit_count", nargs, 0, 0) < 0)
        return NULL;
    rp_int_t *i = (rp_int_t *)self;
    if (!i->big) {
        uint64_t a = i->value < 0 ? (uint64_t)0 - (uint64_t)i->value : (uint64_t)i->value;
        return rp_int_from_i64(__builtin_popcountll(a));
    }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, i->big);
    uint64_t n = mpz_popcount(a);
    mpz_clear(a);
    return rp_int_from_u64(n);
}

static rp_obj_t *int_as_integer_ratio(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                      rp_obj_t *kwnames)
{
    rp_obj_t *n = rp_int_exact_copy(self);
    if (!n)
        return NULL;
    rp_obj_t *r = rp_tuple_pack(2, n, rp_int_from_i64(1));
    rp_decref(n);
    return r;
}

static rp_obj_t *int_round_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                rp_obj_t *kwnames)
{
    if (rp_arg_count("__round__", nargs, 0, 1) < 0)
        return NULL;
    return rp_int_round(self, nargs ? args[0] : NULL);
}

static rp_obj_t *int_sizeof(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                            rp_obj_t *kwnames)
{
    // CPython's layout: 24-byte header plus 30-bit digits of 4 bytes.
    size_t bits = rp_int_bit_length(self);
    size_t ndigits = (bits + 29) / 30;
    if (ndigits == 0)
        ndigits = 1;    // 3.11 counts one digit for zero
    size_t base = 24;
    if (self->type->basicsize > (rp_ssize_t)sizeof(rp_int_t))
        base += (size_t)self->type->basicsize - sizeof(rp_int_t);
    return rp_int_from_u64(base + 4 * ndigits);
}

static rp_obj_t *int_getnewargs(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                rp_obj_t *kwnames)
{
    rp_obj_t *c = rp_int_exact_copy(self);
    if (!c)
        return NULL;
    rp_obj_t *t = rp_tuple_pack(1, c);
    rp_decref(c);
    return t;
}

static int parse_byteorder(rp_obj_t *o, bool *little)
{
    if (!rp_str_check(o)) {
        rp_err_format(&rp_exc_TypeError,
                      "to_bytes() argument 'byteorder' must be str, not %.200s",
                      rp_type_name(o->type));
        return -1;
    }
    if (rp_str_eq_cstr(o, "little"))
        *little = true;
    else if (rp_str_eq_cstr(o, "big"))
        *little = false;
    else {
        rp_err_set(&rp_exc_ValueError, "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

static rp_obj_t *int_to_bytes(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                              rp_obj_t *kwnames)
{
    static const char *const kwlist[] = { "length", "byteorder", "signed", NULL };
    static bool kwtuple;
    rp_obj_t *a[3];
    if (kwnames || nargs > 2)
        rp_arg_note_kwtuple(&kwtuple, 3);
    if (rp_arg_parse("to_bytes", args, nargs, kwnames, kwlist, 0, 2, 0, a) < 0)
        return NULL;
    rp_ssize_t length = 1;
    if (a[0]) {
        length = rp_number_as_ssize(a[0], &rp_exc_OverflowError);
        if (length == -1 && rp_err_occurred())
            return NULL;
        if (length < 0)
            return rp_err_format(&rp_exc_ValueError, "length argument must be non-negative");
    }
    bool little = false;
    if (a[1] && parse_byteorder(a[1], &little) < 0)
        return NULL;
    int is_signed = 0;
    if (a[2]) {
        is_signed = rp_obj_is_true(a[2]);
        if (is_signed < 0)
            return NULL;
    }
    int_view_t v;
    int_view_init(&v, self);
    int sgn = mpz_sgn(v.z);
    if (sgn < 0 && !is_signed)
        return rp_err_format(&rp_exc_OverflowError, "can't convert negative int to unsigned");
    mpz_t w;
    mpz_init_set(w, v.z);
    bool fits;
    if (is_signed) {
        // -2**(8n-1) <= x < 2**(8n-1)
        mpz_t lim;
        mpz_init(lim);
        if (length > 0)
            mpz_setbit(lim, (mp_bitcnt_t)length * 8 - 1);
        if (sgn >= 0)
            fits = length > 0 ? mpz_cmp(w, lim) < 0 : sgn == 0;
        else {
            mpz_neg(lim, lim);
            fits = length > 0 && mpz_cmp(w, lim) >= 0;
        }
        mpz_clear(lim);
        if (fits && sgn < 0) {
            mpz_t m;
            mpz_init(m);
            mpz_setbit(m, (mp_bitcnt_t)length * 8);
            mpz_add(w, w, m);
            mpz_clear(m);
        }
    } else {
        fits = mpz_sizeinbase(w, 2) <= (size_t)length * 8 || sgn == 0;
    }
    if (!fits) {
        mpz_clear(w);
        return rp_err_format(&rp_exc_OverflowError, "int too big to convert");
    }
    char *buf = rp_mem_calloc((size_t)length + 1, 1);
    if (!buf) {
        mpz_clear(w);
        return rp_err_nomemory();
    }
    size_t count = 0;
    if (mpz_sgn(w) != 0) {
        size_t need = (mpz_sizeinbase(w, 2) + 7) / 8;
        mpz_export(buf + (size_t)length - need, &count, 1, 1, 1, 0, w);
    }
    mpz_clear(w);
    if (little) {
        for (rp_ssize_t i = 0, j = length - 1; i < j; i++, j--) {
            char c = buf[i];
            buf[i] = buf[j];
            buf[j] = c;
        }
    }
    rp_obj_t *r = rp_bytes_from(buf, length);
    rp_mem_free(buf);
    return r;
}

static rp_obj_t *int_from_bytes(rp_obj_t *cls, rp_obj_t *const *args, size_t nargs,
                                rp_obj_t *kwnames)
{
    static const char *const kwlist[] = { "bytes", "byteorder", "signed", NULL };
    rp_obj_t *a[3];
    if (rp_arg_parse("from_bytes", args, nargs, kwnames, kwlist, 0, 2, 1, a) < 0)
        return NULL;
    bool little = false;
    if (a[1] && parse_byteorder(a[1], &little) < 0)
        return NULL;
    int is_signed = 0;
    if (a[2]) {
        is_signed = rp_obj_is_true(a[2]);
        if (is_signed < 0)
            return NULL;
    }
    rp_obj_t *bytes = NULL;
    if (rp_bytes_check(a[0])) {
        bytes = rp_newref(a[0]);
    } else if (rp_str_check(a[0])) {
        return rp_err_set(&rp_exc_TypeError, "cannot convert 'str' object to bytes"), NULL;
    } else {
        rp_obj_t *list = rp_list_from_iterable(a[0]);
        if (!list)
            return NULL;
        rp_ssize_t n = rp_list_len(list);
        char *buf = rp_mem_alloc((size_t)n + 1);
        if (!buf) {
            rp_decref(list);
            return rp_err_nomemory();
        }
        for (rp_ssize_t i = 0; i < n; i++) {
            rp_obj_t *it = rp_list_get_borrow(list, i);
            rp_ssize_t b = rp_number_as_ssize(it, NULL);
            if (b == -1 && rp_err_occurred()) {
                rp_mem_free(buf);
                rp_decref(list);
                return NULL;
            }
            if (b < 0 || b > 255) {
                rp_mem_free(buf);
                rp_decref(list);
                return rp_err_format(&rp_exc_ValueError, "bytes must be in range(0, 256)");
            }
            buf[i] = (char)b;
        }
        bytes = rp_bytes_from(buf, n);
        rp_mem_free(buf);
        rp_decref(list);
        if (!bytes)
            return NULL;
    }
    rp_ssize_t n = rp_bytes_len(bytes);
    mpz_t z;
    mpz_init(z);
    if (n > 0)
        mpz_import(z, (size_t)n, little ? -1 : 1, 1, 1, 0, rp_bytes_data(bytes));
    if (is_signed && n > 0) {
        unsigned char top = (unsigned char)rp_bytes_data(bytes)[little ? n - 1 : 0];
        if (top & 0x80) {
            mpz_t m;
            mpz_init(m);
            mpz_setbit(m, (mp_bitcnt_t)n * 8);
            mpz_sub(z, z, m);
            mpz_clear(m);
        }
    }
    rp_decref(bytes);
    rp_obj_t *r = rp_int_from_mpz_take(z);
    if (!r || cls == RP_OBJ(&rp_type_int))
        return r;
    rp_obj_t *res = rp_obj_call1(cls, r);
    rp_decref(r);
    return res;
}

static rp_obj_t *int_divmod_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                 rp_obj_t *kwnames)
{
    if (rp_arg_exactly_one("__divmod__", nargs) < 0)
        return NULL;
    return rp_int_divmod(self, args[0]);
}

static rp_obj_t *int_rdivmod_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    if (rp_arg_exactly_one("__rdivmod__", nargs) < 0)
        return NULL;
    return rp_int_divmod(args[0], self);
}

static const rp_method_def_t int_methods[] = {
    { "__divmod__", int_divmod_meth, RP_METH_INSTANCE, "Return divmod(self, value)." },
    { "__rdivmod__", int_rdivmod_meth, RP_METH_INSTANCE, "Return divmod(value, self)." },
    { "conjugate", int_copy_meth, RP_METH_INSTANCE, "Returns self, the complex conjugate of any int." },
    { "bit_length", int_bit_length, RP_METH_INSTANCE, "Number of bits necessary to represent self in binary." },
    { "bit_count", int_bit_count, RP_METH_INSTANCE, "Number of ones in the binary representation of the absolute value of self." },
    { "to_bytes", int_to_bytes, RP_METH_INSTANCE, "Return an array of bytes representing an integer." },
    { "from_bytes", int_from_bytes, RP_METH_CLASS, "Return the integer represented by the given array of bytes." },
    { "as_integer_ratio", int_as_integer_ratio, RP_METH_INSTANCE, "Return integer ratio." },
    { "__trunc__", int_copy_meth, RP_METH_INSTANCE, "Truncating an Integral returns itself." },
    { "__floor__", int_copy_meth, RP_METH_INSTANCE, "Flooring an Integral returns itself." },
    { "__ceil__", int_copy_meth, RP_METH_INSTANCE, "Ceiling of an Integral returns itself." },
    { "__round__", int_round_meth, RP_METH_INSTANCE, "Rounding an Integral returns itself." },
    { "__format__", rp_format_int_method, RP_METH_INSTANCE, "Convert to a string according to format_spec." },
    { "__getnewargs__", int_getnewargs, RP_METH_INSTANCE, NULL },
    { "__sizeof__", int_sizeof, RP_METH_INSTANCE, "Returns size in memory, in bytes." },
    { NULL }
};

static rp_obj_t *get_self(rp_obj_t *self) { return rp_int_exact_copy(self); }
static rp_obj_t *get_zero(rp_obj_t *self) { return rp_int_from_i64(0); }
static rp_obj_t *get_one(rp_obj_t *self) { return rp_int_from_i64(1); }

static const rp_getset_def_t int_getsets[] = {
    { "real", get_self, NULL, "the real part of a complex number" },
    { "imag", get_zero, NULL, "the imaginary part of a complex number" },
    { "numerator", get_self, NULL, "the numerator of a rational number in lowest terms" },
    { "denominator", get_one, NULL, "the denominator of a rational number in lowest terms" },
    { NULL }
};

rp_type_t rp_type_int = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "int",
    .basicsize = sizeof(rp_int_t),
    .flags = RP_TPFLAG_BASETYPE | RP_TPFLAG_INT_SUBCLASS,
    .dealloc = int_dealloc,
    .repr = int_repr,
    .hash = rp_int_hash,
    .richcompare = rp_int_richcompare,
    .binary_op = rp_int_binop,
    .unary_op = rp_int_unary,
    .bool_ = int_bool,
    .int_ = rp_int_exact_copy,
    .index = rp_int_exact_copy,
    .float_ = int_float,
    .new_ = int_new,
    .methods = int_methods,
    .getsets = int_getsets,
    .base = &rp_type_object,
};
