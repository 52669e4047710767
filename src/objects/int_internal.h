// Private helpers shared by int.c, int_arith.c, int_str.c, bool.c,
// float.c and math.c: building ints from GMP values and viewing any int
// as a read-only mpz without allocating.
#ifndef RP_INT_INTERNAL_H
#define RP_INT_INTERNAL_H

#include <gmp.h>

#include "int.h"

// A read-only mpz view of an int: the object's own mpz when big, else a
// one-limb view of the inline value on the stack (no allocation, nothing
// to clear).
typedef struct int_view {
    mp_limb_t limb;
    mpz_t tmp;
    mpz_srcptr z;
} int_view_t;

static inline void int_view_init(int_view_t *v, rp_obj_t *o)
{
    rp_int_t *i = (rp_int_t *)o;
    if (i->big) {
        v->z = (mpz_srcptr)i->big;
        return;
    }
    int64_t x = i->value;
    v->limb = x < 0 ? (mp_limb_t)0 - (mp_limb_t)x : (mp_limb_t)x;
    mpz_roinit_n(v->tmp, &v->limb, x < 0 ? -1 : (x != 0));
    v->z = v->tmp;
}

// New int from an mpz (copied).  Inline/cached when it fits.
rp_obj_t *rp_int_from_mpz(mpz_srcptr z);
// New int taking over the initialised mpz z (z must not be used or
// cleared afterwards).  New reference or NULL + MemoryError (z cleared).
rp_obj_t *rp_int_from_mpz_take(mpz_ptr z);
// A fresh rp_int_t of `type` (an int subclass or int) holding the value
// of the int v.  New reference.
rp_obj_t *rp_int_new_of_type(rp_type_t *type, rp_obj_t *v);
// Correctly rounded conversion of an mpz to double (round-half-even);
// *overflow set when the magnitude exceeds the double range.
double rp_int_mpz_to_double(mpz_srcptr z, bool *overflow);
// Exact comparison of an int with a finite double: -1, 0, 1.
int rp_int_compare_double(rp_obj_t *i, double d);
// Sets z to the exact integer value of finite d truncated toward 0.
void rp_int_mpz_set_double(mpz_ptr z, double d);
// The int type's richcompare, unary and hash slots (bool reuses them).
rp_obj_t *rp_int_richcompare(rp_obj_t *a, rp_obj_t *b, int op);
rp_obj_t *rp_int_unary(rp_obj_t *a, int op);
// Index-like conversion: o must be an int; exact int copy (new ref).
rp_obj_t *rp_int_exact_copy(rp_obj_t *o);
// int(x) for any object (str/bytes parsing, __int__, __index__,
// __trunc__, float truncation).  New exact int or NULL + exception.
rp_obj_t *rp_int_from_object(rp_obj_t *x);
// float ** float with CPython's rules (used by int ** negative int).
rp_obj_t *rp_float_pow_double(double a, double b);
// int / int correctly rounded (long_true_divide).
rp_obj_t *rp_int_true_divide(rp_obj_t *a, rp_obj_t *b);
// Integer method helpers defined in int_arith.c.
rp_obj_t *rp_int_round(rp_obj_t *self, rp_obj_t *ndigits);

// Rewrites non-ASCII decimal digits as ASCII and Unicode spaces as ' '
// for int()/float() parsing; malloc'd result (length in *outlen), or NULL
// when s is pure ASCII.
char *rp_num_ascii_transform(const char *s, size_t len, size_t *outlen);

#endif
