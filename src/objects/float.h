// float: IEEE double, repr is the shortest string that round-trips.
#ifndef RP_FLOAT_H
#define RP_FLOAT_H

#include "object.h"

typedef struct rp_float {
    rp_obj_t ob;
    double value;
} rp_float_t;

extern rp_type_t rp_type_float;

static inline bool rp_float_check(const rp_obj_t *o)
{
    return o->type == &rp_type_float || rp_type_is_subtype(o->type, &rp_type_float);
}
static inline double rp_float_value(const rp_obj_t *o)
{
    return ((const rp_float_t *)o)->value;
}
rp_obj_t *rp_float_from_double(double v);
// Frees the blocks kept on the float free list (at finalisation).
void rp_float_clear_free_list(void);
// float(x) for a str: ValueError "could not convert string to float: 'x'".
rp_obj_t *rp_float_from_string(const char *s, size_t len);
// Converts an int or float (or __float__) to a C double; -1.0 with an
// exception set on error.
double rp_float_as_double(rp_obj_t *o);
// repr(float) text into buf (at least 32 bytes): "0.30000000000000004",
// "1e+16", "inf", "nan".
void rp_float_repr_buf(double v, char *buf, size_t size);
// Formats v like format(v, spec) / '%.*f' etc: type is one of
// 'e','E','f','F','g','G','r' (repr), precision -1 for default.
// flags: RP_FMT_ALT ('#'), RP_FMT_ADD_DOT_0 (ensure a dot), RP_FMT_UPPER.
enum { RP_FMT_ALT = 1, RP_FMT_ADD_DOT_0 = 2, RP_FMT_SIGN = 4, RP_FMT_SPACE = 8 };
char *rp_double_to_string(double v, char type, int precision, int flags);  // malloc'd
rp_hash_t rp_float_hash_double(double v);  // CPython's numeric hash
rp_obj_t *rp_float_binop(rp_obj_t *a, rp_obj_t *b, int op);
// divmod(a, b) when a or b is a float (the other a float or int):
// (floordiv, mod) tuple, NotImplemented for other operands,
// ZeroDivisionError "float divmod()".
rp_obj_t *rp_float_divmod(rp_obj_t *a, rp_obj_t *b);

#endif
