// float: IEEE doubles with Python's arithmetic (floor division and modulo
// signs, pow special cases), exact comparisons with ints, CPython's
// numeric hash, parsing float(s), rounding, methods and the type object.
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "objects/float.h"
#include "objects/int_internal.h"
#include "objects/args.h"
#include "objects/bytes.h"
#include "objects/errors.h"
#include "objects/format.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "memory/alloc.h"
#include "memory/gc.h"

// Free list of exact float blocks (CPython keeps 100): a dying float's
// block is kept, unmarked as an object, and handed to the next float
// made, skipping the allocator.  Only while rp_mem_recycle_ok().
#define FREE_FLOATS_MAX 100
static rp_float_t *free_floats[FREE_FLOATS_MAX];
static int n_free_floats;

rp_obj_t *rp_float_from_double(double v)
{
    rp_float_t *f;
    if (n_free_floats && rp_mem_recycle_ok()) {
        f = free_floats[--n_free_floats];
        rp_mem_note_reuse();
        rp_mem_mark_object(f, true);
        f->ob.refcnt = 1;
        f->ob.type = &rp_type_float;
    } else {
        f = (rp_float_t *)rp_obj_alloc(&rp_type_float, sizeof(rp_float_t));
        if (!f)
            return NULL;
    }
    f->value = v;
    return RP_OBJ(f);
}

static rp_obj_t *float_new_of_type(rp_type_t *type, double v)
{
    if (type == &rp_type_float)
        return rp_float_from_double(v);
    size_t size = (size_t)type->basicsize;
    if (size < sizeof(rp_float_t))
        size = sizeof(rp_float_t);
    rp_float_t *f = (rp_float_t *)rp_obj_alloc(type, size);
    if (!f)
        return NULL;
    memset((char *)f + sizeof(rp_obj_t), 0, size - sizeof(rp_obj_t));
    f->value = v;
    if (rp_type_has_flag(type, RP_TPFLAG_GC))
        rp_gc_track(RP_OBJ(f));
    return RP_OBJ(f);
}

void rp_float_clear_free_list(void)
{
    while (n_free_floats)
        rp_mem_free(free_floats[--n_free_floats]);
}

static void float_dealloc(rp_obj_t *o)
{
    if (o->type == &rp_type_float && n_free_floats < FREE_FLOATS_MAX && rp_mem_recycle_ok()) {
        rp_mem_mark_object(o, false);
        free_floats[n_free_floats++] = (rp_float_t *)o;
        return;
    }
    rp_obj_free(o);
}

// ---------------------------------------------------------------------
// Conversions

double rp_float_as_double(rp_obj_t *o)
{
    if (rp_float_check(o))
        return rp_float_value(o);
    if (rp_int_check(o))
        return rp_int_as_double(o);
    rp_type_t *t = o->type;
    if (t->float_) {
        rp_obj_t *r = t->float_(o);
        if (!r)
            return -1.0;
        if (!rp_float_check(r)) {
            rp_err_format(&rp_exc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                          rp_type_name(t), rp_type_name(r->type));
            rp_decref(r);
            return -1.0;
        }
        double d = rp_float_value(r);
        rp_decref(r);
        return d;
    }
    if (t->index) {
        rp_obj_t *i = rp_number_index(o);
        if (!i)
            return -1.0;
        double d = rp_int_as_double(i);
        rp_decref(i);
        return d;
    }
    rp_err_format(&rp_exc_TypeError, "must be real number, not %.50s", rp_type_name(t));
    return -1.0;
}

// Converts an operand of a mixed operation; returns 1 ok, 0 not a number
// we handle (NotImplemented), -1 error.
static inline int operand(rp_obj_t *o, double *out)
{
    if (rp_float_check(o)) {
        *out = rp_float_value(o);
        return 1;
    }
    if (rp_int_check(o)) {
        rp_int_t *i = (rp_int_t *)o;
        if (!i->big) {
            *out = (double)i->value;
            return 1;
        }
        *out = rp_int_as_double(o);
        return (*out == -1.0 && rp_err_occurred()) ? -1 : 1;
    }
    return 0;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
           (c >= 0x1c && c <= 0x1f);
}

static bool word_eq(const char *p, size_t n, const char *w)
{
    if (strlen(w) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((p[i] | 0x20) != w[i])
            return false;
    return true;
}

// Parses Python float syntax in s[0..len) (ASCII); 0 ok, -1 invalid.
static int parse_float(const char *s, size_t len, double *out)
{
    const char *p = s, *end = s + len;
    while (p < end && is_space(*p))
        p++;
    while (end > p && is_space(end[-1]))
        end--;
    bool neg = false;
    const char *body = p;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    size_t n = (size_t)(end - p);
    if (word_eq(p, n, "inf") || word_eq(p, n, "infinity")) {
        *out = neg ? -INFINITY : INFINITY;
        return 0;
    }
    if (word_eq(p, n, "nan")) {
        *out = neg ? -NAN : NAN;
        return 0;
    }
    char small[64];
    char *buf = (size_t)(end - body) < sizeof small ? small : malloc((size_t)(end - body) + 1);
    if (!buf)
        return -1;
    char *o = buf;
    if (neg)
        *o++ = '-';
    // digitpart ["." [digitpart]] | "." digitpart, then exponent.
    int ndig = 0;
    bool ok = true;
    // Copies a digit run with single underscores between digits.
    #define DIGITS(count)                                                   \
        do {                                                                \
            count = 0;                                                      \
            while (p < end && ((*p >= '0' && *p <= '9') || *p == '_')) {    \
                if (*p == '_') {                                            \
                    if (count == 0 || p + 1 >= end || p[1] < '0' || p[1] > '9') { \
                        ok = false;                                         \
                        break;                                              \
                    }                                                       \
                } else {                                                    \
                    *o++ = *p;                                              \
                    count++;                                                \
                }                                                           \
                p++;                                                        \
            }                                                               \
        } while (0)
    int intd = 0, fracd = 0, expd = 0;
    DIGITS(intd);
    if (ok && p < end && *p == '.') {
        *o++ = *p++;
        DIGITS(fracd);
    }
    ndig = intd + fracd;
    if (ok && ndig > 0 && p < end && (*p == 'e' || *p == 'E')) {
        *o++ = *p++;
        if (p < end && (*p == '+' || *p == '-'))
            *o++ = *p++;
        DIGITS(expd);
        if (expd == 0)
            ok = false;
    }
    #undef DIGITS
    *o = '\0';
    if (!ok || ndig == 0 || p != end) {
        if (buf != small)
            free(buf);
        return -1;
    }
    *out = strtod(buf, NULL);
    if (buf != small)
        free(buf);
    return 0;
}

static rp_obj_t *could_not_convert(rp_obj_t *repr_of)
{
    rp_err_format(&rp_exc_ValueError, "could not convert string to float: %R", repr_of);
    return NULL;
}

static int parse_utf8(const char *s, size_t len, double *out)
{
    size_t tlen;
    char *t = rp_num_ascii_transform(s, len, &tlen);
    int r = t ? parse_float(t, tlen, out) : parse_float(s, len, out);
    free(t);
    return r;
}

rp_obj_t *rp_float_from_string(const char *s, size_t len)
{
    double d;
    if (parse_utf8(s, len, &d) < 0) {
        rp_obj_t *str = rp_str_from_utf8(s, (rp_ssize_t)len);
        if (!str)
            return NULL;
        could_not_convert(str);
        rp_decref(str);
        return NULL;
    }
    return rp_float_from_double(d);
}

// float(x) value for any object; -1 with an exception on error.
static int float_value_of(rp_obj_t *x, double *out)
{
    if (rp_float_check(x)) {
        *out = rp_float_value(x);
        return 0;
    }
    if (rp_str_check(x)) {
        rp_ssize_t len;
        const char *s = rp_str_utf8(x, &len);
        if (!s)
            return -1;
        if (parse_utf8(s, (size_t)len, out) < 0) {
            could_not_convert(x);
            return -1;
        }
        return 0;
    }
    if (rp_bytes_check(x)) {
        if (parse_float(rp_bytes_data(x), (size_t)rp_bytes_len(x), out) < 0) {
            could_not_convert(x);
            return -1;
        }
        return 0;
    }
    if (rp_int_check(x) || x->type->float_ || x->type->index) {
        *out = rp_float_as_double(x);
        return (*out == -1.0 && rp_err_occurred()) ? -1 : 0;
    }
    rp_err_format(&rp_exc_TypeError,
                  "float() argument must be a string or a real number, not '%.200s'",
                  rp_type_name(x->type));
    return -1;
}

static rp_obj_t *float_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                           rp_obj_t *kwnames)
{
    if (rp_arg_no_kw("float", kwnames) < 0)
        return NULL;
    if (rp_arg_count("float", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return float_new_of_type(type, 0.0);
    if (type == &rp_type_float && args[0]->type == &rp_type_float)
        return rp_newref(args[0]);
    double d;
    if (float_value_of(args[0], &d) < 0)
        return NULL;
    return float_new_of_type(type, d);
}

// ---------------------------------------------------------------------
// Hashing and comparison

#define HASH_BITS 61
#define HASH_MODULUS ((UINT64_C(1) << HASH_BITS) - 1)
#define HASH_INF 314159

rp_hash_t rp_float_hash_double(double v)
{
    if (!isfinite(v)) {
        if (isinf(v))
            return v > 0 ? HASH_INF : -HASH_INF;
        return 0;
    }
    if (v >= -9.2e18 && v <= 9.2e18 && v == (double)(int64_t)v) {
        int64_t i = (int64_t)v;
        uint64_t a = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        uint64_t h = a % HASH_MODULUS;
        int64_t r = i < 0 ? -(int64_t)h : (int64_t)h;
        return r == -1 ? -2 : r;
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    int64_t r = (int64_t)x * sign;
    return r == -1 ? -2 : r;
}

static rp_hash_t float_hash(rp_obj_t *o)
{
    double v = rp_float_value(o);
    if (isnan(v)) {
        // By identity, as CPython 3.10+ (_Py_HashPointer).
        uintptr_t y = (uintptr_t)o;
        y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
        rp_hash_t h = (rp_hash_t)y;
        return h == -1 ? -2 : h;
    }
    return rp_float_hash_double(v);
}

static bool cmp_op(int c, int op)
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

static rp_obj_t *float_richcompare(rp_obj_t *a, rp_obj_t *b, int op)
{
    bool af = rp_float_check(a), bf = rp_float_check(b);
    if (af && bf) {
        double x = rp_float_value(a), y = rp_float_value(b);
        bool r;
        switch (op) {
        case RP_LT: r = x < y; break;
        case RP_LE: r = x <= y; break;
        case RP_EQ: r = x == y; break;
        case RP_NE: r = x != y; break;
        case RP_GT: r = x > y; break;
        default: r = x >= y; break;
        }
        return rp_bool_from(r);
    }
    if (af && rp_int_check(b)) {
        double x = rp_float_value(a);
        if (isnan(x))
            return rp_bool_from(op == RP_NE);
        return rp_bool_from(cmp_op(-rp_int_compare_double(b, x), op));
    }
    if (bf && rp_int_check(a)) {
        double y = rp_float_value(b);
        if (isnan(y))
            return rp_bool_from(op == RP_NE);
        return rp_bool_from(cmp_op(rp_int_compare_double(a, y), op));
    }
    return rp_newref(rp_NotImplemented);
}

// ---------------------------------------------------------------------
// Arithmetic

static rp_obj_t *raise_range_error(void)
{
    // CPython raises OverflowError(errno, strerror) here.
    rp_obj_t *code = rp_int_from_i64(ERANGE);
    rp_obj_t *msg = rp_str_from_cstr("Numerical result out of range");
    if (code && msg) {
        rp_obj_t *exc = rp_obj_call2(RP_OBJ(&rp_exc_OverflowError), code, msg);
        if (exc) {
            rp_err_set_object(exc);
            rp_decref(exc);
        }
    }
    rp_xdecref(code);
    rp_xdecref(msg);
    return NULL;
}

static bool is_odd_integer(double x)
{
    return fmod(fabs(x), 2.0) == 1.0;
}

rp_obj_t *rp_float_pow_double(double iv, double iw)
{
    if (iw == 0)
        return rp_float_from_double(1.0);
    if (isnan(iv))
        return rp_float_from_double(iv);
    if (isnan(iw))
        return rp_float_from_double(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0)
            return rp_float_from_double(1.0);
        if ((iw > 0.0) == (iv > 1.0))
            return rp_float_from_double(fabs(iw));
        return rp_float_from_double(0.0);
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0)
            return rp_float_from_double(odd ? iv : fabs(iv));
        return rp_float_from_double(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        bool odd = is_odd_integer(iw);
        if (iw < 0.0)
            return rp_err_format(&rp_exc_ZeroDivisionError,
                                 "0.0 cannot be raised to a negative power");
        return rp_float_from_double(odd ? iv : 0.0);
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != floor(iw))
            // CPython returns a complex number here; refpy has no complex.
            return rp_err_format(&rp_exc_ValueError,
                                 "negative number cannot be raised to a fractional power");
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0)
        return rp_float_from_double(negate ? -1.0 : 1.0);
    errno = 0;
    double ix = pow(iv, iw);
    if (negate)
        ix = -ix;
    if (isinf(ix))
        return raise_range_error();
    return rp_float_from_double(ix);
}

// Python's divmod for floats (CPython's _float_div_mod).
static void float_divmod_values(double vx, double wx, double *floordiv, double *mod)
{
    double m = fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, wx);
    }
    double fd;
    if (div) {
        fd = floor(div);
        if (div - fd > 0.5)
            fd += 1.0;
    } else {
        fd = copysign(0.0, vx / wx);
    }
    *floordiv = fd;
    *mod = m;
}

rp_obj_t *rp_float_binop(rp_obj_t *a, rp_obj_t *b, int op)
{
    if (op >= RP_BINOP_INPLACE)
        op -= RP_BINOP_INPLACE;
    double x, y;
    if (rp_float_check(a) && rp_float_check(b)) {
        x = rp_float_value(a);
        y = rp_float_value(b);
    } else {
        int ra = operand(a, &x);
        if (ra <= 0)
            return ra < 0 ? NULL : rp_newref(rp_NotImplemented);
        int rb = operand(b, &y);
        if (rb <= 0)
            return rb < 0 ? NULL : rp_newref(rp_NotImplemented);
    }
    switch (op) {
    case RP_BINOP_ADD: return rp_float_from_double(x + y);
    case RP_BINOP_SUB: return rp_float_from_double(x - y);
    case RP_BINOP_MUL: return rp_float_from_double(x * y);
    case RP_BINOP_TRUEDIV:
        if (y == 0.0)
            return rp_err_format(&rp_exc_ZeroDivisionError, "float division by zero");
        return rp_float_from_double(x / y);
    case RP_BINOP_FLOORDIV: {
        if (y == 0.0)
            return rp_err_format(&rp_exc_ZeroDivisionError, "float floor division by zero");
        double fd, m;
        float_divmod_values(x, y, &fd, &m);
        return rp_float_from_double(fd);
    }
    case RP_BINOP_MOD: {
        if (y == 0.0)
            return rp_err_format(&rp_exc_ZeroDivisionError, "float modulo");
        double m = fmod(x, y);
        if (m) {
            if ((y < 0) != (m < 0))
                m += y;
        } else {
            m = copysign(0.0, y);
        }
        return rp_float_from_double(m);
    }
    case RP_BINOP_POW:
        return rp_float_pow_double(x, y);
    default:
        return rp_newref(rp_NotImplemented);
    }
}

rp_obj_t *rp_float_divmod(rp_obj_t *a, rp_obj_t *b)
{
    double x, y;
    int ra = operand(a, &x);
    if (ra <= 0)
        return ra < 0 ? NULL : rp_newref(rp_NotImplemented);
    int rb = operand(b, &y);
    if (rb <= 0)
        return rb < 0 ? NULL : rp_newref(rp_NotImplemented);
    if (y == 0.0)
        return rp_err_format(&rp_exc_ZeroDivisionError, "float divmod()");
    double fd, m;
    float_divmod_values(x, y, &fd, &m);
    rp_obj_t *q = rp_float_from_double(fd);
    rp_obj_t *r = rp_float_from_double(m);
    rp_obj_t *t = (q && r) ? rp_tuple_pack(2, q, r) : NULL;
    rp_xdecref(q);
    rp_xdecref(r);
    return t;
}

static rp_obj_t *float_unary(rp_obj_t *a, int op)
{
    double v = rp_float_value(a);
    switch (op) {
    case RP_UNOP_NEG: return rp_float_from_double(-v);
    case RP_UNOP_POS:
        if (a->type == &rp_type_float)
            return rp_newref(a);
        return rp_float_from_double(v);
    case RP_UNOP_ABS: return rp_float_from_double(fabs(v));
    default: return rp_newref(rp_NotImplemented);
    }
}

static int float_bool(rp_obj_t *o) { return rp_float_value(o) != 0.0; }

static rp_obj_t *float_int(rp_obj_t *o) { return rp_int_from_double(rp_float_value(o)); }

static rp_obj_t *float_float(rp_obj_t *o)
{
    if (o->type == &rp_type_float)
        return rp_newref(o);
    return rp_float_from_double(rp_float_value(o));
}

static rp_obj_t *float_repr(rp_obj_t *o)
{
    char buf[40];
    rp_float_repr_buf(rp_float_value(o), buf, sizeof buf);
    return rp_str_from_utf8(buf, (rp_ssize_t)strlen(buf));
}

// ---------------------------------------------------------------------
// round()

#define NDIGITS_MAX ((int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103))
#define NDIGITS_MIN (-(int)((DBL_MAX_EXP + 1) * 0.30103))

// Rounds x to a multiple of 10**k (k > 0), ties to even, exactly.
static double round_to_pow10(double x, long k)
{
    int e;
    double m = frexp(fabs(x), &e);
    mpz_t num, den, q, r, twice;
    mpz_init(num);
    mpz_init(den);
    // |x| = M * 2**(e-53) with M a 53-bit integer.
    mpz_set_d(num, ldexp(m, 53));
    e -= 53;
    mpz_ui_pow_ui(den, 10, (unsigned long)k);
    if (e >= 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    mpz_init(q);
    mpz_init(r);
    mpz_fdiv_qr(q, r, num, den);
    mpz_init(twice);
    mpz_mul_2exp(twice, r, 1);
    int c = mpz_cmp(twice, den);
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    mpz_ui_pow_ui(den, 10, (unsigned long)k);
    mpz_mul(q, q, den);
    bool overflow;
    double res = rp_int_mpz_to_double(q, &overflow);
    if (overflow)
        res = INFINITY;
    mpz_clear(num);
    mpz_clear(den);
    mpz_clear(q);
    mpz_clear(r);
    mpz_clear(twice);
    return copysign(res, x);
}

static rp_obj_t *float_round(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                             rp_obj_t *kwnames)
{
    if (rp_arg_count("__round__", nargs, 0, 1) < 0)
        return NULL;
    double x = rp_float_value(self);
    if (nargs == 0 || args[0] == rp_None) {
        double r = round(x);
        if (fabs(x - r) == 0.5)
            r = 2.0 * round(x / 2.0);
        return rp_int_from_double(r);
    }
    rp_ssize_t nd = rp_number_as_ssize(args[0], NULL);
    if (nd == -1 && rp_err_occurred())
        return NULL;
    if (x == 0.0 || !isfinite(x) || nd > NDIGITS_MAX)
        return rp_float_from_double(x);
    if (nd < NDIGITS_MIN)
        return rp_float_from_double(0.0 * x);
    double r;
    if (nd >= 0) {
        char buf[400 + NDIGITS_MAX];
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        r = strtod(buf, NULL);
    } else {
        r = round_to_pow10(x, (long)-nd);
    }
    if (isinf(r))
        return rp_err_format(&rp_exc_OverflowError, "rounded value too large to represent");
    return rp_float_from_double(r);
}

// ---------------------------------------------------------------------
// Methods

static rp_obj_t *float_is_integer(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    double x = rp_float_value(self);
    return rp_bool_from(isfinite(x) && floor(x) == x);
}

static rp_obj_t *float_as_integer_ratio(rp_obj_t *self, rp_obj_t *const *args,
                                        size_t nargs, rp_obj_t *kwnames)
{
    double x = rp_float_value(self);
    if (isinf(x))
        return rp_err_format(&rp_exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x))
        return rp_err_format(&rp_exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    mpz_t num, den;
    mpz_init(num);
    mpz_init_set_ui(den, 1);
    mpz_set_d(num, m);
    if (e > 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    rp_obj_t *n = rp_int_from_mpz_take(num);
    rp_obj_t *d = rp_int_from_mpz_take(den);
    rp_obj_t *t = (n && d) ? rp_tuple_pack(2, n, d) : NULL;
    rp_xdecref(n);
    rp_xdecref(d);
    return t;
}

static rp_obj_t *float_conjugate(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                 rp_obj_t *kwnames)
{
    return float_float(self);
}

static rp_obj_t *float_trunc(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                             rp_obj_t *kwnames)
{
    return rp_int_from_double(rp_float_value(self));
}

static rp_obj_t *float_floor(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                             rp_obj_t *kwnames)
{
    return rp_int_from_double(floor(rp_float_value(self)));
}

static rp_obj_t *float_ceil(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                            rp_obj_t *kwnames)
{
    return rp_int_from_double(ceil(rp_float_value(self)));
}

static rp_obj_t *float_divmod_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                   rp_obj_t *kwnames)
{
    if (rp_arg_exactly_one("__divmod__", nargs) < 0)
        return NULL;
    return rp_float_divmod(self, args[0]);
}

static rp_obj_t *float_rdivmod_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                    rp_obj_t *kwnames)
{
    if (rp_arg_exactly_one("__rdivmod__", nargs) < 0)
        return NULL;
    return rp_float_divmod(args[0], self);
}

static rp_obj_t *float_getnewargs(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    rp_obj_t *f = rp_float_from_double(rp_float_value(self));
    if (!f)
        return NULL;
    rp_obj_t *t = rp_tuple_pack(1, f);
    rp_decref(f);
    return t;
}

static rp_obj_t *float_sizeof(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                              rp_obj_t *kwnames)
{
    return rp_int_from_i64(24);
}

static rp_obj_t *float_hex(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                           rp_obj_t *kwnames)
{
    double x = rp_float_value(self);
    if (!isfinite(x)) {
        char *s = rp_double_to_string(x, 'r', 0, 0);
        rp_obj_t *r = s ? rp_str_from_cstr(s) : rp_err_nomemory();
        free(s);
        return r;
    }
    if (x == 0.0)
        return rp_str_from_cstr(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    // CPython: 0x1.<13 hex digits>p<exp>, subnormals as 0x0.<...>p-1022.
    char buf[64];
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char *p = buf;
    if (x < 0)
        *p++ = '-';
    p += sprintf(p, "0x%d.", (int)m);
    m -= (int)m;
    for (int i = 0; i < 13; i++) {
        m *= 16.0;
        int d = (int)m;
        *p++ = "0123456789abcdef"[d];
        m -= d;
    }
    sprintf(p, "p%+d", e);
    return rp_str_from_cstr(buf);
}

static const rp_method_def_t float_methods[] = {
    { "is_integer", float_is_integer, RP_METH_INSTANCE, "Return True if the float is an integer." },
    { "as_integer_ratio", float_as_integer_ratio, RP_METH_INSTANCE, "Return integer ratio." },
    { "conjugate", float_conjugate, RP_METH_INSTANCE, "Return self, the complex conjugate of any float." },
    { "hex", float_hex, RP_METH_INSTANCE, "Return a hexadecimal representation of a floating-point number." },
    { "__trunc__", float_trunc, RP_METH_INSTANCE, "Return the Integral closest to x between 0 and x." },
    { "__floor__", float_floor, RP_METH_INSTANCE, "Return the floor as an Integral." },
    { "__ceil__", float_ceil, RP_METH_INSTANCE, "Return the ceiling as an Integral." },
    { "__round__", float_round, RP_METH_INSTANCE, "Return the Integral closest to x, rounding half toward even." },
    { "__divmod__", float_divmod_meth, RP_METH_INSTANCE, "Return divmod(self, value)." },
    { "__rdivmod__", float_rdivmod_meth, RP_METH_INSTANCE, "Return divmod(value, self)." },
    { "__format__", rp_format_float_method, RP_METH_INSTANCE, "Convert to a string according to format_spec." },
    { "__getnewargs__", float_getnewargs, RP_METH_INSTANCE, NULL },
    { "__sizeof__", float_sizeof, RP_METH_INSTANCE, "Returns size in memory, in bytes." },
    { NULL }
};

static rp_obj_t *float_get_real(rp_obj_t *self) { return float_float(self); }
static rp_obj_t *float_get_imag(rp_obj_t *self) { return rp_float_from_double(0.0); }

static const rp_getset_def_t float_getsets[] = {
    { "real", float_get_real, NULL, "the real part of a complex number" },
    { "imag", float_get_imag, NULL, "the imaginary part of a complex number" },
    { NULL }
};

rp_type_t rp_type_float = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "float",
    .basicsize = sizeof(rp_float_t),
    .flags = RP_TPFLAG_BASETYPE,
    .dealloc = float_dealloc,
    .repr = float_repr,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .binary_op = rp_float_binop,
    .unary_op = float_unary,
    .bool_ = float_bool,
    .int_ = float_int,
    .float_ = float_float,
    .new_ = float_new,
    .methods = float_methods,
    .getsets = float_getsets,
    .base = &rp_type_object,
};
