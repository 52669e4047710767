// int (and bool, its subclass): arbitrary precision integers.  Values that
// fit in 64 bits are stored inline; larger ones in a GMP mpz.  Integers
// -5..256 are preallocated and shared (the small-int cache).
#ifndef RP_INT_H
#define RP_INT_H

#include "object.h"

typedef struct rp_int {
    rp_obj_t ob;
    int64_t value;      // the value when big == NULL
    void *big;          // mpz_ptr (owned) for values outside int64, else NULL
} rp_int_t;

extern rp_type_t rp_type_int;
extern rp_type_t rp_type_bool;
extern rp_int_t rp_true_obj, rp_false_obj;
#define rp_True (RP_OBJ(&rp_true_obj))
#define rp_False (RP_OBJ(&rp_false_obj))

#define RP_SMALL_INT_MIN (-5)
#define RP_SMALL_INT_MAX 256
// The cache: rp_small_ints[v - RP_SMALL_INT_MIN].
extern rp_int_t rp_small_ints[RP_SMALL_INT_MAX - RP_SMALL_INT_MIN + 1];

static inline bool rp_int_check(const rp_obj_t *o)
{
    return rp_type_has_flag(o->type, RP_TPFLAG_INT_SUBCLASS);
}
static inline bool rp_int_check_exact(const rp_obj_t *o)
{
    return o->type == &rp_type_int;
}
// True if o is an int (or bool) whose value fits int64 (fast paths).
static inline bool rp_int_is_small(const rp_obj_t *o)
{
    return ((const rp_int_t *)o)->big == NULL;
}
static inline int64_t rp_int_small_value(const rp_obj_t *o)
{
    return ((const rp_int_t *)o)->value;
}

// New int from a C value (shared object for -5..256).  New reference.
rp_obj_t *rp_int_from_i64(int64_t v);
rp_obj_t *rp_int_from_u64(uint64_t v);
rp_obj_t *rp_int_from_ssize(rp_ssize_t v);
rp_obj_t *rp_int_from_double(double d);   // OverflowError / ValueError for inf/nan
static inline rp_obj_t *rp_bool_from(bool b)
{
    return rp_newref(b ? rp_True : rp_False);
}
// Parses like int(s, base): s is UTF-8 of length len; base 0 or 2..36;
// underscores and surrounding whitespace as CPython.  ValueError
// "invalid literal for int() with base 10: 'abc'" on bad input, and the
// 4300-digit limit ("Exceeds the limit (4300 digits) for integer string
// conversion: value has 5000 digits; use sys.set_int_max_str_digits() to
// increase the limit").
rp_obj_t *rp_int_from_string(const char *s, size_t len, int base);
// Literal text from the compiler ("0x1F", "0o17", "0b1", "123"; no '_').
// Literals are not subject to the digit limit.
rp_obj_t *rp_int_from_literal(const char *s, size_t len);

// Conversions to C.  Return -1 with OverflowError set when out of range
// (check rp_err_occurred() when -1 is a possible value).
int64_t rp_int_as_i64(rp_obj_t *o);
rp_ssize_t rp_int_as_ssize(rp_obj_t *o);
double rp_int_as_double(rp_obj_t *o);      // OverflowError "int too large to convert to float"
// Sign: -1, 0, 1.
int rp_int_sign(rp_obj_t *o);
// Number of bits of |o|.
size_t rp_int_bit_length(rp_obj_t *o);
// Decimal string of o (str/repr); honours the 4300-digit limit.
rp_obj_t *rp_int_to_decimal(rp_obj_t *o);
// Text in base 2, 8, 16 with prefix ("0x1f", "-0b101") for hex/oct/bin.
rp_obj_t *rp_int_to_base(rp_obj_t *o, int base);
// Compare two ints: -1, 0, 1.
int rp_int_compare(rp_obj_t *a, rp_obj_t *b);
// Arithmetic on ints (both must be int); rp_int_binop returns
// NotImplemented if b is not an int.
rp_obj_t *rp_int_binop(rp_obj_t *a, rp_obj_t *b, int op);
// divmod(a, b) for ints: (a // b, a % b) tuple; NotImplemented if either
// is not an int; ZeroDivisionError "integer division or modulo by zero".
rp_obj_t *rp_int_divmod(rp_obj_t *a, rp_obj_t *b);
rp_obj_t *rp_int_pow3(rp_obj_t *a, rp_obj_t *b, rp_obj_t *m);
rp_hash_t rp_int_hash(rp_obj_t *o);

// sys.get/set_int_max_str_digits: 0 disables.
extern int rp_int_max_str_digits;

#endif
