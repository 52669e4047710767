// The math module: constants, the libm functions with CPython's error
// rules ("math domain error", "math range error"), and the integer
// functions (factorial, gcd, lcm, comb, perm, isqrt) on big ints.
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "objects/int_internal.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/float.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "modules/registry.h"

#define FN(name) static rp_obj_t *name(rp_obj_t *self, rp_obj_t *const *args, \
                                       size_t nargs, rp_obj_t *kwnames)

static rp_obj_t *domain_error(void)
{
    return rp_err_format(&rp_exc_ValueError, "math domain error");
}

static rp_obj_t *range_error(void)
{
    return rp_err_format(&rp_exc_OverflowError, "math range error");
}

static int as_double(rp_obj_t *o, double *out)
{
    if (rp_float_check(o)) {
        *out = rp_float_value(o);
        return 0;
    }
    *out = rp_float_as_double(o);
    return (*out == -1.0 && rp_err_occurred()) ? -1 : 0;
}

// CPython's math_1: f applied to one float with domain/range checks.
static rp_obj_t *math_1(const char *name, rp_obj_t *const *args, size_t nargs,
                        double (*f)(double), bool can_overflow)
{
    if (rp_arg_exactly_one(name, nargs) < 0)
        return NULL;
    double x;
    if (as_double(args[0], &x) < 0)
        return NULL;
    errno = 0;
    double r = f(x);
    if (isnan(r) && !isnan(x))
        return domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error() : domain_error();
    return rp_float_from_double(r);
}

#define MATH1(cname, fname, libm, ovf) \
    FN(cname) { return math_1("math." fname, args, nargs, libm, ovf); }

MATH1(m_sqrt, "sqrt", sqrt, false)
MATH1(m_exp, "exp", exp, true)
MATH1(m_exp2, "exp2", exp2, true)
MATH1(m_expm1, "expm1", expm1, true)
MATH1(m_fabs, "fabs", fabs, false)
MATH1(m_sin, "sin", sin, false)
MATH1(m_cos, "cos", cos, false)
MATH1(m_tan, "tan", tan, false)
MATH1(m_asin, "asin", asin, false)
MATH1(m_acos, "acos", acos, false)
MATH1(m_atan, "atan", atan, false)
MATH1(m_sinh, "sinh", sinh, true)
MATH1(m_cosh, "cosh", cosh, true)
MATH1(m_tanh, "tanh", tanh, false)
MATH1(m_asinh, "asinh", asinh, false)
MATH1(m_acosh, "acosh", acosh, false)
MATH1(m_atanh, "atanh", atanh, false)
MATH1(m_erf, "erf", erf, false)
MATH1(m_erfc, "erfc", erfc, false)
MATH1(m_cbrt, "cbrt", cbrt, false)

FN(m_log1p)
{
    if (rp_arg_exactly_one("math.log1p", nargs) < 0)
        return NULL;
    double x;
    if (as_double(args[0], &x) < 0)
        return NULL;
    if (x <= -1.0)
        return domain_error();
    return rp_float_from_double(log1p(x));
}

FN(m_gamma)
{
    if (rp_arg_exactly_one("math.gamma", nargs) < 0)
        return NULL;
    double x;
    if (as_double(args[0], &x) < 0)
        return NULL;
    if (isnan(x))
        return rp_float_from_double(x);
    if ((x <= 0 && x == floor(x)) || (isinf(x) && x < 0))
        return domain_error();
    double r = tgamma(x);
    if (isinf(r) && isfinite(x))
        return range_error();
    return rp_float_from_double(r);
}

FN(m_lgamma)
{
    if (rp_arg_exactly_one("math.lgamma", nargs) < 0)
        return NULL;
    double x;
    if (as_double(args[0], &x) < 0)
        return NULL;
    if (isnan(x) || isinf(x))
        return rp_float_from_double(fabs(x));
    if (x <= 0 && x == floor(x))
        return domain_error();
    double r = lgamma(x);
    if (isinf(r))
        return range_error();
    return rp_float_from_double(r);
}

// ---------------------------------------------------------------------
// floor, ceil, trunc

static rp_obj_t *round_integral(rp_obj_t *x, const char *dunder, double (*f)(double))
{
    if (x->type == &rp_type_float)
        return rp_int_from_double(f(rp_float_value(x)));
    if (rp_int_check_exact(x) || x->type == &rp_type_bool)
        return rp_int_exact_copy(x);
    rp_obj_t *name = rp_str_intern_cstr(dunder);
    if (name && rp_type_lookup_borrow(x->type, name))
        return rp_obj_call_method(x, dunder, NULL, 0);
    if (!name)
        return NULL;
    if (f == trunc)
        return rp_err_format(&rp_exc_TypeError, "type %s doesn't define __trunc__ method",
                             rp_type_name(x->type));
    double d;
    if (as_double(x, &d) < 0)
        return NULL;
    return rp_int_from_double(f(d));
}

FN(m_floor)
{
    if (rp_arg_exactly_one("math.floor", nargs) < 0)
        return NULL;
    return round_integral(args[0], "__floor__", floor);
}

FN(m_ceil)
{
    if (rp_arg_exactly_one("math.ceil", nargs) < 0)
        return NULL;
    return round_integral(args[0], "__ceil__", ceil);
}

FN(m_trunc)
{
    if (rp_arg_exactly_one("math.trunc", nargs) < 0)
        return NULL;
    return round_integral(args[0], "__trunc__", trunc);
}

// ---------------------------------------------------------------------
// Logarithms (ints of any size)

static rp_obj_t *log_helper(rp_obj_t *x, double (*f)(double), double *out)
{
    if (rp_int_check(x)) {
        if (rp_int_sign(x) <= 0) {
            domain_error();
            return NULL;
        }
        rp_int_t *i = (rp_int_t *)x;
        if (i->big && mpz_sizeinbase((mpz_srcptr)i->big, 2) > 1024) {
            // log(m * 2**e) = log(m) + e * log(2), m in [0.5, 1).
            long e;
            double m = mpz_get_d_2exp(&e, (mpz_srcptr)i->big);
            *out = f(m) + (double)e * f(2.0);
            return rp_None;
        }
        double d = rp_int_as_double(x);
        if (d == -1.0 && rp_err_occurred())
            return NULL;
        *out = f(d);
        return rp_None;
    }
    double d;
    if (as_double(x, &d) < 0)
        return NULL;
    if (isnan(d) || (isinf(d) && d > 0)) {
        *out = d;
        return rp_None;
    }
    if (d <= 0) {
        domain_error();
        return NULL;
    }
    *out = f(d);
    return rp_None;
}

FN(m_log)
{
    if (rp_arg_count("log", nargs, 1, 2) < 0)
        return NULL;
    double num, den;
    if (!log_helper(args[0], log, &num))
        return NULL;
    if (nargs == 2) {
        if (!log_helper(args[1], log, &den))
            return NULL;
        if (den == 0.0)
            return rp_err_format(&rp_exc_ZeroDivisionError, "float division by zero");
        num /= den;
    }
    return rp_float_from_double(num);
}

FN(m_log2)
{
    if (rp_arg_exactly_one("math.log2", nargs) < 0)
        return NULL;
    double r;
    if (!log_helper(args[0], log2, &r))
        return NULL;
    return rp_float_from_double(r);
}

FN(m_log10)
{
    if (rp_arg_exactly_one("math.log10", nargs) < 0)
        return NULL;
    double r;
    if (!log_helper(args[0], log10, &r))
        return NULL;
    return rp_float_from_double(r);
}

// ---------------------------------------------------------------------
// Two-argument float functions

static int two_doubles(const char *name, rp_obj_t *const *args, size_t nargs,
                       double *x, double *y)
{
    if (rp_arg_count(name, nargs, 2, 2) < 0)
        return -1;
    if (as_double(args[0], x) < 0 || as_double(args[1], y) < 0)
        return -1;
    return 0;
}

FN(m_pow)
{
    double x, y, r;
    if (two_doubles("pow", args, nargs, &x, &y) < 0)
        return NULL;
    int err = 0;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x))
            r = y == 0.0 ? 1.0 : x;
        else if (isnan(y))
            r = x == 1.0 ? 1.0 : y;
        else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.)
                r = odd_y ? x : fabs(x);
            else if (y == 0.)
                r = 1.;
            else
                r = odd_y ? copysign(0., x) : 0.;
        } else {
            if (fabs(x) == 1.0)
                r = 1.;
            else if (y > 0. && fabs(x) > 1.0)
                r = y;
            else if (y < 0. && fabs(x) < 1.0)
                r = -y;
            else
                r = 0.;
        }
    } else {
        r = pow(x, y);
        if (!isfinite(r)) {
            if (isnan(r))
                err = EDOM;
            else if (isinf(r))
                err = x == 0. ? EDOM : ERANGE;
        }
    }
    if (err == EDOM)
        return domain_error();
    if (err == ERANGE)
        return range_error();
    return rp_float_from_double(r);
}

FN(m_atan2)
{
    double y, x;
    if (two_doubles("atan2", args, nargs, &y, &x) < 0)
        return NULL;
    return rp_float_from_double(atan2(y, x));
}

FN(m_copysign)
{
    double x, y;
    if (two_doubles("copysign", args, nargs, &x, &y) < 0)
        return NULL;
    return rp_float_from_double(copysign(x, y));
}

FN(m_fmod)
{
    double x, y;
    if (two_doubles("fmod", args, nargs, &x, &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))
        return rp_float_from_double(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    return rp_float_from_double(r);
}

FN(m_remainder)
{
    double x, y;
    if (two_doubles("remainder", args, nargs, &x, &y) < 0)
        return NULL;
    double r = remainder(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return domain_error();
    return rp_float_from_double(r);
}

FN(m_nextafter)
{
    double x, y;
    if (two_doubles("nextafter", args, nargs, &x, &y) < 0)
        return NULL;
    return rp_float_from_double(nextafter(x, y));
}

FN(m_ulp)
{
    if (rp_arg_exactly_one("math.ulp", nargs) < 0)
        return NULL;
    double x;
    if (as_double(args[0], &x) < 0)
        return NULL;
    if (isnan(x))
        return rp_float_from_double(x);
    x = fabs(x);
    if (isinf(x))
        return rp_float_from_double(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        return rp_float_from_double(x - x2);
    }
    return rp_float_from_double(x2 - x);
}

FN(m_ldexp)
{
    if (rp_arg_count("ldexp", nargs, 2, 2) < 0)
        return NULL;
    double x;
    if (as_double(args[0], &x) < 0)
        return NULL;
    if (!rp_int_check(args[1]))
        return rp_err_format(&rp_exc_TypeError, "Expected an int as second argument to ldexp.");
    rp_int_t *e = (rp_int_t *)args[1];
    long exp;
    if (e->big)
        exp = mpz_sgn((mpz_srcptr)e->big) < 0 ? -100000 : 100000;
    else
        exp = e->value > 100000 ? 100000 : e->value < -100000 ? -100000 : (long)e->value;
    if (x == 0.0 || !isfinite(x))
        return rp_float_from_double(x);
    double r = ldexp(x, (int)exp);
    if (isinf(r))
        return range_error();
    return rp_float_from_double(r);
}

FN(m_frexp)
{
    if (rp_arg_exactly_one("math.frexp", nargs) < 0)
        return NULL;
    double x;
    if (as_double(args[0], &x) < 0)
        return NULL;
    int e = 0;
    double m = (isnan(x) || isinf(x) || x == 0.0) ? x : frexp(x, &e);
    rp_obj_t *a = rp_float_from_double(m), *b = rp_int_from_i64(e);
    rp_obj_t *t = (a && b) ? rp_tuple_pack(2, a, b) : NULL;
    rp_xdecref(a);
    rp_xdecref(b);
    return t;
}

FN(m_modf)
{
    if (rp_arg_exactly_one("math.modf", nargs) < 0)
        return NULL;
    double x, ip, fp;
    if (as_double(args[0], &x) < 0)
        return NULL;
    if (isinf(x)) {
        ip = x;
        fp = copysign(0.0, x);
    } else {
        fp = modf(x, &ip);
    }
    rp_obj_t *a = rp_float_from_double(fp), *b = rp_float_from_double(ip);
    rp_obj_t *t = (a && b) ? rp_tuple_pack(2, a, b) : NULL;
    rp_xdecref(a);
    rp_xdecref(b);
    return t;
}

static const double deg_to_rad = 3.141592653589793238462643383279502884 / 180.0;
static const double rad_to_deg = 180.0 / 3.141592653589793238462643383279502884;

FN(m_degrees)
{
    if (rp_arg_exactly_one("math.degrees", nargs) < 0)
        return NULL;
    double x;
    if (as_double(args[0], &x) < 0)
        return NULL;
    return rp_float_from_double(x * rad_to_deg);
}

FN(m_radians)
{
    if (rp_arg_exactly_one("math.radians", nargs) < 0)
        return NULL;
    double x;
    if (as_double(args[0], &x) < 0)
        return NULL;
    return rp_float_from_double(x * deg_to_rad);
}

#define PRED(cname, fname, test)                                   \
    FN(cname)                                                       \
    {                                                               \
        if (rp_arg_exactly_one("math." fname, nargs) < 0)           \
            return NULL;                                            \
        double x;                                                   \
        if (as_double(args[0], &x) < 0)                             \
            return NULL;                                            \
        return rp_bool_from(test);                                  \
    }
PRED(m_isnan, "isnan", isnan(x))
PRED(m_isinf, "isinf", isinf(x))
PRED(m_isfinite, "isfinite", isfinite(x))

FN(m_isclose)
{
    static const char *const kwlist[] = { "a", "b", "rel_tol", "abs_tol", NULL };
    rp_obj_t *o[4];
    if (rp_arg_parse("isclose", args, nargs, kwnames, kwlist, 0, 2, 2, o) < 0)
        return NULL;
    double a, b, rel_tol = 1e-9, abs_tol = 0.0;
    if (as_double(o[0], &a) < 0 || as_double(o[1], &b) < 0)
        return NULL;
    if (o[2] && as_double(o[2], &rel_tol) < 0)
        return NULL;
    if (o[3] && as_double(o[3], &abs_tol) < 0)
        return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0)
        return rp_err_format(&rp_exc_ValueError, "tolerances must be non-negative");
    if (a == b)
        return rp_bool_from(true);
    if (isinf(a) || isinf(b))
        return rp_bool_from(false);
    double diff = fabs(b - a);
    return rp_bool_from(((diff <= fabs(rel_tol * b)) || (diff <= fabs(rel_tol * a))) ||
                        (diff <= abs_tol));
}

// ---------------------------------------------------------------------
// hypot, dist: CPython's vector_norm (accurate to within one ulp)

typedef struct { double hi, lo; } dlen_t;

static inline dlen_t dl_fast_sum(double a, double b)
{
    double x = a + b;
    double z = x - a;
    double y = b - z;
    return (dlen_t){ x, y };
}

static inline dlen_t dl_mul(double x, double y)
{
    double z = x * y;
    double zz = fma(x, y, -z);
    return (dlen_t){ z, zz };
}

static double vector_norm(size_t n, double *vec, double max, bool found_nan)
{
    double x, h, scale, csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    dlen_t pr, sm;
    int max_e;
    if (isinf(max))
        return max;
    if (found_nan)
        return NAN;
    if (max == 0.0 || n <= 1)
        return max;
    frexp(max, &max_e);
    if (max_e < -1023) {
        for (size_t i = 0; i < n; i++)
            vec[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    scale = ldexp(1.0, -max_e);
    for (size_t i = 0; i < n; i++) {
        x = vec[i] * scale;
        pr = dl_mul(x, x);
        sm = dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    h = sqrt(csum - 1.0 + (frac1 + frac2));
    pr = dl_mul(-h, h);
    sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

FN(m_hypot)
{
    double small[16];
    double *vec = nargs <= 16 ? small : malloc(nargs * sizeof(double));
    if (!vec)
        return rp_err_nomemory();
    double max = 0.0;
    bool found_nan = false;
    for (size_t i = 0; i < nargs; i++) {
        double x;
        if (as_double(args[i], &x) < 0) {
            if (vec != small)
                free(vec);
            return NULL;
        }
        x = fabs(x);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    double r = vector_norm(nargs, vec, max, found_nan);
    if (vec != small)
        free(vec);
    return rp_float_from_double(r);
}

static rp_obj_t *as_sequence_tuple(rp_obj_t *o)
{
    if (rp_tuple_check(o))
        return rp_newref(o);
    if (rp_list_check(o))
        return rp_list_as_tuple(o);
    return rp_tuple_from_iterable(o);
}

FN(m_dist)
{
    if (rp_arg_count("dist", nargs, 2, 2) < 0)
        return NULL;
    rp_obj_t *p = as_sequence_tuple(args[0]);
    if (!p)
        return NULL;
    rp_obj_t *q = as_sequence_tuple(args[1]);
    if (!q) {
        rp_decref(p);
        return NULL;
    }
    rp_ssize_t n = rp_tuple_len(p);
    rp_obj_t *res = NULL;
    double *vec = NULL;
    if (n != rp_tuple_len(q)) {
        rp_err_format(&rp_exc_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    vec = malloc((size_t)(n ? n : 1) * sizeof(double));
    if (!vec) {
        rp_err_nomemory();
        goto done;
    }
    double max = 0.0;
    bool found_nan = false;
    for (rp_ssize_t i = 0; i < n; i++) {
        double a, b;
        if (as_double(rp_tuple_get_borrow(p, i), &a) < 0 ||
            as_double(rp_tuple_get_borrow(q, i), &b) < 0)
            goto done;
        double x = fabs(a - b);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    res = rp_float_from_double(vector_norm((size_t)n, vec, max, found_nan));
done:
    free(vec);
    rp_decref(p);
    rp_decref(q);
    return res;
}

// ---------------------------------------------------------------------
// fsum: Shewchuk's exact partials, as CPython's math_fsum

FN(m_fsum)
{
    if (rp_arg_exactly_one("math.fsum", nargs) < 0)
        return NULL;
    rp_obj_t *it = rp_obj_iter(args[0]);
    if (!it)
        return NULL;
    size_t n = 0, m = 32;
    double ps_small[32], *p = ps_small;
    double xsave, special_sum = 0.0, inf_sum = 0.0;
    double x, y, t, hi, yr, lo = 0.0;
    rp_obj_t *item;
    while ((item = rp_iter_next(it))) {
        int r = as_double(item, &x);
        rp_decref(item);
        if (r < 0)
            goto error;
        xsave = x;
        size_t i, j;
        for (i = j = 0; j < n; j++) {
            y = p[j];
            if (fabs(x) < fabs(y)) {
                t = x;
                x = y;
                y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(xsave)) {
                    rp_err_format(&rp_exc_OverflowError, "intermediate overflow in fsum");
                    goto error;
                }
                if (isinf(xsave))
                    inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n >= m) {
                    size_t nm = m * 2;
                    double *np = malloc(nm * sizeof(double));
                    if (!np) {
                        rp_err_nomemory();
                        goto error;
                    }
                    memcpy(np, p, n * sizeof(double));
                    if (p != ps_small)
                        free(p);
                    p = np;
                    m = nm;
                }
                p[n++] = x;
            }
        }
    }
    if (rp_err_occurred())
        goto error;
    rp_decref(it);
    if (special_sum != 0.0) {
        if (isnan(inf_sum)) {
            if (p != ps_small)
                free(p);
            return rp_err_format(&rp_exc_ValueError, "-inf + inf in fsum");
        }
        if (p != ps_small)
            free(p);
        return rp_float_from_double(special_sum);
    }
    hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        while (n > 0) {
            x = hi;
            y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            y = lo * 2.0;
            x = hi + y;
            yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    if (p != ps_small)
        free(p);
    return rp_float_from_double(hi);
error:
    if (p != ps_small)
        free(p);
    rp_decref(it);
    return NULL;
}

// ---------------------------------------------------------------------
// Integer functions

static rp_obj_t *index_arg(rp_obj_t *o)
{
    return rp_number_index(o);
}

FN(m_factorial)
{
    if (rp_arg_exactly_one("math.factorial", nargs) < 0)
        return NULL;
    rp_obj_t *n = index_arg(args[0]);
    if (!n)
        return NULL;
    rp_int_t *i = (rp_int_t *)n;
    if (rp_int_sign(n) < 0) {
        rp_decref(n);
        return rp_err_format(&rp_exc_ValueError, "factorial() not defined for negative values");
    }
    if (i->big) {
        rp_decref(n);
        return rp_err_format(&rp_exc_OverflowError,
                             "factorial() argument should not exceed %ld", (long)INT64_MAX);
    }
    unsigned long v = (unsigned long)i->value;
    rp_decref(n);
    if (v > 100000000)
        return rp_err_nomemory();
    mpz_t r;
    mpz_init(r);
    mpz_fac_ui(r, v);
    return rp_int_from_mpz_take(r);
}

static rp_obj_t *gcd_lcm(rp_obj_t *const *args, size_t nargs, bool lcm)
{
    mpz_t acc;
    mpz_init_set_ui(acc, lcm ? 1 : 0);
    for (size_t k = 0; k < nargs; k++) {
        rp_obj_t *v = index_arg(args[k]);
        if (!v) {
            mpz_clear(acc);
            return NULL;
        }
        int_view_t view;
        int_view_init(&view, v);
        if (lcm)
            mpz_lcm(acc, acc, view.z);
        else
            mpz_gcd(acc, acc, view.z);
        rp_decref(v);
    }
    return rp_int_from_mpz_take(acc);
}

FN(m_gcd) { return gcd_lcm(args, nargs, false); }
FN(m_lcm) { return gcd_lcm(args, nargs, true); }

FN(m_isqrt)
{
    if (rp_arg_exactly_one("math.isqrt", nargs) < 0)
        return NULL;
    rp_obj_t *n = index_arg(args[0]);
    if (!n)
        return NULL;
    if (rp_int_sign(n) < 0) {
        rp_decref(n);
        return rp_err_format(&rp_exc_ValueError, "isqrt() argument must be nonnegative");
    }
    int_view_t v;
    int_view_init(&v, n);
    mpz_t r;
    mpz_init(r);
    mpz_sqrt(r, v.z);
    rp_decref(n);
    return rp_int_from_mpz_take(r);
}

// comb/perm argument check: both non-negative ints.
static int comb_args(rp_obj_t *a, rp_obj_t *b, rp_obj_t **n, rp_obj_t **k)
{
    *n = index_arg(a);
    if (!*n)
        return -1;
    *k = index_arg(b);
    if (!*k) {
        rp_decref(*n);
        return -1;
    }
    if (rp_int_sign(*n) < 0) {
        rp_err_format(&rp_exc_ValueError, "n must be a non-negative integer");
        goto fail;
    }
    if (rp_int_sign(*k) < 0) {
        rp_err_format(&rp_exc_ValueError, "k must be a non-negative integer");
        goto fail;
    }
    return 0;
fail:
    rp_decref(*n);
    rp_decref(*k);
    return -1;
}

FN(m_comb)
{
    if (rp_arg_count("comb", nargs, 2, 2) < 0)
        return NULL;
    rp_obj_t *n, *k;
    if (comb_args(args[0], args[1], &n, &k) < 0)
        return NULL;
    int_view_t vn, vk;
    int_view_init(&vn, n);
    int_view_init(&vk, k);
    rp_obj_t *res = NULL;
    mpz_t r;
    mpz_init(r);
    if (mpz_cmp(vk.z, vn.z) > 0) {
        res = rp_int_from_i64(0);
        mpz_clear(r);
        goto done;
    }
    // Use min(k, n - k).
    mpz_t nk;
    mpz_init(nk);
    mpz_sub(nk, vn.z, vk.z);
    mpz_srcptr kk = mpz_cmp(nk, vk.z) < 0 ? nk : vk.z;
    if (!mpz_fits_ulong_p(kk)) {
        rp_err_format(&rp_exc_OverflowError, "min(n - k, k) must not exceed %lld",
                      (long long)INT64_MAX);
        mpz_clear(nk);
        mpz_clear(r);
        goto done;
    }
    mpz_bin_ui(r, vn.z, mpz_get_ui(kk));
    mpz_clear(nk);
    res = rp_int_from_mpz_take(r);
done:
    rp_decref(n);
    rp_decref(k);
    return res;
}

FN(m_perm)
{
    if (rp_arg_count("perm", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 1 || args[1] == rp_None) {
        rp_obj_t *n = index_arg(args[0]);
        if (!n)
            return NULL;
        if (rp_int_sign(n) < 0) {
            rp_decref(n);
            return rp_err_format(&rp_exc_ValueError, "n must be a non-negative integer");
        }
        rp_obj_t *r = m_factorial(self, &n, 1, NULL);
        rp_decref(n);
        return r;
    }
    rp_obj_t *n, *k;
    if (comb_args(args[0], args[1], &n, &k) < 0)
        return NULL;
    int_view_t vn, vk;
    int_view_init(&vn, n);
    int_view_init(&vk, k);
    rp_obj_t *res = NULL;
    if (mpz_cmp(vk.z, vn.z) > 0) {
        res = rp_int_from_i64(0);
    } else if (!mpz_fits_ulong_p(vk.z)) {
        rp_err_format(&rp_exc_OverflowError, "k must not exceed %lld", (long long)INT64_MAX);
    } else {
        unsigned long kk = mpz_get_ui(vk.z);
        mpz_t r, f;
        mpz_init_set_ui(r, 1);
        mpz_init_set(f, vn.z);
        for (unsigned long i = 0; i < kk; i++) {
            mpz_mul(r, r, f);
            mpz_sub_ui(f, f, 1);
        }
        mpz_clear(f);
        res = rp_int_from_mpz_take(r);
    }
    rp_decref(n);
    rp_decref(k);
    return res;
}

FN(m_prod)
{
    static const char *const kwlist[] = { "", "start", NULL };
    rp_obj_t *o[2];
    if (rp_arg_parse("prod", args, nargs, kwnames, kwlist, 1, 1, 1, o) < 0)
        return NULL;
    rp_obj_t *acc = o[1] ? rp_newref(o[1]) : rp_int_from_i64(1);
    rp_obj_t *it = rp_obj_iter(o[0]);
    if (!it) {
        rp_decref(acc);
        return NULL;
    }
    rp_obj_t *item;
    while ((item = rp_iter_next(it))) {
        rp_obj_t *r = rp_number_binop(acc, item, RP_BINOP_MUL);
        rp_decref(item);
        rp_decref(acc);
        if (!r) {
            rp_decref(it);
            return NULL;
        }
        acc = r;
    }
    rp_decref(it);
    if (rp_err_occurred()) {
        rp_decref(acc);
        return NULL;
    }
    return acc;
}

static const rp_method_def_t math_functions[] = {
    { "sqrt", m_sqrt, 0, "Return the square root of x." },
    { "exp", m_exp, 0, "Return e raised to the power of x." },
    { "exp2", m_exp2, 0, "Return 2 raised to the power of x." },
    { "expm1", m_expm1, 0, "Return exp(x)-1." },
    { "fabs", m_fabs, 0, "Return the absolute value of the float x." },
    { "sin", m_sin, 0, "Return the sine of x (measured in radians)." },
    { "cos", m_cos, 0, "Return the cosine of x (measured in radians)." },
    { "tan", m_tan, 0, "Return the tangent of x (measured in radians)." },
    { "asin", m_asin, 0, "Return the arc sine (measured in radians) of x." },
    { "acos", m_acos, 0, "Return the arc cosine (measured in radians) of x." },
    { "atan", m_atan, 0, "Return the arc tangent (measured in radians) of x." },
    { "sinh", m_sinh, 0, "Return the hyperbolic sine of x." },
    { "cosh", m_cosh, 0, "Return the hyperbolic cosine of x." },
    { "tanh", m_tanh, 0, "Return the hyperbolic tangent of x." },
    { "asinh", m_asinh, 0, "Return the inverse hyperbolic sine of x." },
    { "acosh", m_acosh, 0, "Return the inverse hyperbolic cosine of x." },
    { "atanh", m_atanh, 0, "Return the inverse hyperbolic tangent of x." },
    { "erf", m_erf, 0, "Error function at x." },
    { "erfc", m_erfc, 0, "Complementary error function at x." },
    { "gamma", m_gamma, 0, "Gamma function at x." },
    { "lgamma", m_lgamma, 0, "Natural logarithm of absolute value of Gamma function at x." },
    { "cbrt", m_cbrt, 0, "Return the cube root of x." },
    { "log1p", m_log1p, 0, "Return the natural logarithm of 1+x (base e)." },
    { "floor", m_floor, 0, "Return the floor of x as an Integral." },
    { "ceil", m_ceil, 0, "Return the ceiling of x as an Integral." },
    { "trunc", m_trunc, 0, "Truncates the Real x to the nearest Integral toward 0." },
    { "log", m_log, 0, "log(x, [base=math.e])" },
    { "log2", m_log2, 0, "Return the base 2 logarithm of x." },
    { "log10", m_log10, 0, "Return the base 10 logarithm of x." },
    { "pow", m_pow, 0, "Return x**y (x to the power of y)." },
    { "atan2", m_atan2, 0, "Return the arc tangent (measured in radians) of y/x." },
    { "copysign", m_copysign, 0, "Return a float with the magnitude of x but the sign of y." },
    { "fmod", m_fmod, 0, "Return fmod(x, y), according to platform C." },
    { "remainder", m_remainder, 0, "Difference between x and the closest integer multiple of y." },
    { "nextafter", m_nextafter, 0, "Return the next floating-point value after x towards y." },
    { "ulp", m_ulp, 0, "Return the value of the least significant bit of the float x." },
    { "ldexp", m_ldexp, 0, "Return x * (2**i)." },
    { "frexp", m_frexp, 0, "Return the mantissa and exponent of x, as pair (m, e)." },
    { "modf", m_modf, 0, "Return the fractional and integer parts of x." },
    { "degrees", m_degrees, 0, "Convert angle x from radians to degrees." },
    { "radians", m_radians, 0, "Convert angle x from degrees to radians." },
    { "isnan", m_isnan, 0, "Return True if x is a NaN (not a number), and False otherwise." },
    { "isinf", m_isinf, 0, "Return True if x is a positive or negative infinity, and False otherwise." },
    { "isfinite", m_isfinite, 0, "Return True if x is neither an infinity nor a NaN, and False otherwise." },
    { "isclose", m_isclose, 0, "Determine whether two floating point numbers are close in value." },
    { "hypot", m_hypot, 0, "Multidimensional Euclidean distance from the origin to a point." },
    { "dist", m_dist, 0, "Return the Euclidean distance between two points p and q." },
    { "fsum", m_fsum, 0, "Return an accurate floating point sum of values in the iterable seq." },
    { "factorial", m_factorial, 0, "Find n!." },
    { "gcd", m_gcd, 0, "Greatest Common Divisor." },
    { "lcm", m_lcm, 0, "Least Common Multiple." },
    { "isqrt", m_isqrt, 0, "Return the integer part of the square root of the input." },
    { "comb", m_comb, 0, "Number of ways to choose k items from n items without repetition and without order." },
    { "perm", m_perm, 0, "Number of ways to choose k items from n items without repetition and with order." },
    { "prod", m_prod, 0, "Calculate the product of all the elements in the input iterable." },
    { NULL }
};

rp_obj_t *rp_mod_math_create(void)
{
    rp_obj_t *m = rp_module_new("math");
    if (!m)
        return NULL;
    if (rp_module_add_functions(m, math_functions) < 0 ||
        rp_module_add_object_take(m, "pi", rp_float_from_double(3.141592653589793)) < 0 ||
        rp_module_add_object_take(m, "e", rp_float_from_double(2.718281828459045)) < 0 ||
        rp_module_add_object_take(m, "tau", rp_float_from_double(6.283185307179586)) < 0 ||
        rp_module_add_object_take(m, "inf", rp_float_from_double(INFINITY)) < 0 ||
        rp_module_add_object_take(m, "nan", rp_float_from_double(NAN)) < 0) {
        rp_decref(m);
        return NULL;
    }
    return m;
}
