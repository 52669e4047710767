// bool: the int subclass with exactly two static instances, True and
// False; & | ^ between bools stay bools, other arithmetic gives ints.
#include "objects/int_internal.h"
#include "objects/args.h"
#include "objects/errors.h"
#include "objects/str.h"

rp_int_t rp_true_obj = { RP_STATIC_HEAD(rp_type_bool), 1, NULL };
rp_int_t rp_false_obj = { RP_STATIC_HEAD(rp_type_bool), 0, NULL };

static rp_obj_t *bool_repr(rp_obj_t *o)
{
    return rp_str_intern_cstr(o == rp_True ? "True" : "False");
}

static rp_obj_t *bool_binop(rp_obj_t *a, rp_obj_t *b, int op)
{
    int base = op >= RP_BINOP_INPLACE ? op - RP_BINOP_INPLACE : op;
    if (a->type == &rp_type_bool && b->type == &rp_type_bool) {
        bool x = a == rp_True, y = b == rp_True;
        switch (base) {
        case RP_BINOP_AND: return rp_bool_from(x & y);
        case RP_BINOP_OR: return rp_bool_from(x | y);
        case RP_BINOP_XOR: return rp_bool_from(x ^ y);
        }
    }
    return rp_int_binop(a, b, op);
}

static rp_obj_t *bool_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                          rp_obj_t *kwnames)
{
    if (rp_arg_no_kw("bool", kwnames) < 0)
        return NULL;
    if (rp_arg_count("bool", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return rp_newref(rp_False);
    int t = rp_obj_is_true(args[0]);
    if (t < 0)
        return NULL;
    return rp_bool_from(t);
}

static int bool_bool(rp_obj_t *o) { return o == rp_True; }

rp_type_t rp_type_bool = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "bool",
    .basicsize = sizeof(rp_int_t),
    .flags = RP_TPFLAG_INT_SUBCLASS,
    .repr = bool_repr,
    .hash = rp_int_hash,
    .richcompare = rp_int_richcompare,
    .binary_op = bool_binop,
    .unary_op = rp_int_unary,
    .bool_ = bool_bool,
    .int_ = rp_int_exact_copy,
    .index = rp_int_exact_copy,
    .new_ = bool_new,
    .base = &rp_type_int,
};
