// slice objects: construction, repr, comparison, slice.indices(), and
// the resolution of a slice against a sequence length used by every
// sequence type (CPython's PySlice_Unpack + PySlice_AdjustIndices).
#include <stdint.h>

#include "rangeobj.h"
#include "tuple.h"
#include "errors.h"
#include "str.h"
#include "int.h"
#include "args.h"
#include "contutil.h"
#include "../memory/gc.h"

#define SLICE(o) ((rp_slice_t *)(o))

rp_obj_t *rp_slice_new(rp_obj_t *start, rp_obj_t *stop, rp_obj_t *step)
{
    rp_slice_t *s = (rp_slice_t *)rp_obj_alloc(&rp_type_slice, sizeof(rp_slice_t));
    if (!s)
        return NULL;
    s->start = rp_newref(start ? start : rp_None);
    s->stop = rp_newref(stop ? stop : rp_None);
    s->step = rp_newref(step ? step : rp_None);
    rp_gc_track(RP_OBJ(s));
    return RP_OBJ(s);
}

// A slice bound: None keeps *out untouched and returns 0; an index is
// clamped to the ssize range.  0 / -1 (TypeError).
static int eval_slice_index(rp_obj_t *v, rp_ssize_t *out)
{
    if (v == rp_None)
        return 0;
    if (!rp_contutil_is_index(v)) {
        rp_err_set(&rp_exc_TypeError,
                   "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    return rp_contutil_index_clamped(v, out);
}

static int slice_unpack(rp_obj_t *slice, rp_ssize_t *start, rp_ssize_t *stop,
                        rp_ssize_t *step)
{
    rp_slice_t *r = SLICE(slice);
    if (r->step == rp_None)
        *step = 1;
    else {
        if (eval_slice_index(r->step, step) < 0)
            return -1;
        if (*step == 0) {
            rp_err_set(&rp_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (*step < -INT64_MAX)
            *step = -INT64_MAX;
    }
    if (r->start == rp_None)
        *start = *step < 0 ? INT64_MAX : 0;
    else if (eval_slice_index(r->start, start) < 0)
        return -1;
    if (r->stop == rp_None)
        *stop = *step < 0 ? INT64_MIN : INT64_MAX;
    else if (eval_slice_index(r->stop, stop) < 0)
        return -1;
    return 0;
}

static rp_ssize_t adjust_indices(rp_ssize_t length, rp_ssize_t *start, rp_ssize_t *stop,
                                 rp_ssize_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = (step < 0) ? -1 : 0;
    } else if (*start >= length)
        *start = (step < 0) ? length - 1 : length;
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = (step < 0) ? -1 : 0;
    } else if (*stop >= length)
        *stop = (step < 0) ? length - 1 : length;
    if (step < 0) {
        if (*stop < *start)
            return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop)
        return (*stop - *start - 1) / step + 1;
    return 0;
}

rp_ssize_t rp_slice_indices(rp_obj_t *slice, rp_ssize_t len, rp_ssize_t *start,
                            rp_ssize_t *stop, rp_ssize_t *step)
{
    if (slice_unpack(slice, start, stop, step) < 0)
        return -1;
    return adjust_indices(len, start, stop, *step);
}

// ---------------------------------------------------------------------
// Slots

static void slice_dealloc(rp_obj_t *self)
{
    rp_gc_untrack(self);
    rp_decref(SLICE(self)->start);
    rp_decref(SLICE(self)->stop);
    rp_decref(SLICE(self)->step);
    rp_obj_free(self);
}

static int slice_traverse(rp_obj_t *self, rp_visitproc visit, void *arg)
{
    int r;
    if ((r = visit(SLICE(self)->start, arg)) || (r = visit(SLICE(self)->stop, arg)) ||
        (r = visit(SLICE(self)->step, arg)))
        return r;
    return 0;
}

static rp_obj_t *slice_repr(rp_obj_t *self)
{
    return rp_str_from_format("slice(%R, %R, %R)", SLICE(self)->start, SLICE(self)->stop,
                              SLICE(self)->step);
}

static rp_obj_t *slice_as_tuple(rp_obj_t *s)
{
    return rp_tuple_pack(3, SLICE(s)->start, SLICE(s)->stop, SLICE(s)->step);
}

static rp_obj_t *slice_richcompare(rp_obj_t *v, rp_obj_t *w, int op)
{
    if (!rp_slice_check(v) || !rp_slice_check(w))
        return rp_newref(rp_NotImplemented);
    if (v == w) {
        switch (op) {
        case RP_EQ: case RP_LE: case RP_GE:
            return rp_bool_from(true);
        default:
            return rp_bool_from(false);
        }
    }
    rp_obj_t *t1 = slice_as_tuple(v);
    if (!t1)
        return NULL;
    rp_obj_t *t2 = slice_as_tuple(w);
    if (!t2) {
        rp_decref(t1);
        return NULL;
    }
    rp_obj_t *res = rp_obj_richcompare(t1, t2, op);
    rp_decref(t1);
    rp_decref(t2);
    return res;
}

static rp_obj_t *slice_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                           rp_obj_t *kwnames)
{
    if (rp_arg_no_kw("slice", kwnames) < 0 || rp_arg_count("slice", nargs, 1, 3) < 0)
        return NULL;
    if (nargs == 1)
        return rp_slice_new(NULL, args[0], NULL);
    return rp_slice_new(args[0], args[1], nargs == 3 ? args[2] : NULL);
}

static rp_obj_t *slice_indices_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                    rp_obj_t *kwnames)
{
    if (rp_contutil_onearg("slice.indices", nargs, kwnames) < 0)
        return NULL;
    rp_ssize_t length;
    if (rp_contutil_as_ssize(args[0], &length) < 0)
        return NULL;
    if (length < 0)
        return rp_err_format(&rp_exc_ValueError, "length should not be negative");
    rp_slice_t *r = SLICE(self);
    rp_ssize_t step = 1, start, stop;
    if (r->step != rp_None) {
        if (eval_slice_index(r->step, &step) < 0)
            return NULL;
        if (step == 0)
            return rp_err_format(&rp_exc_ValueError, "slice step cannot be zero");
    }
    rp_ssize_t lower = step < 0 ? -1 : 0, upper = step < 0 ? length - 1 : length;
    if (r->start == rp_None)
        start = step < 0 ? upper : lower;
    else {
        if (eval_slice_index(r->start, &start) < 0)
            return NULL;
        if (start < 0) {
            start += length;
            if (start < lower)
                start = lower;
        } else if (start > upper)
            start = upper;
    }
    if (r->stop == rp_None)
        stop = step < 0 ? lower : upper;
    else {
        if (eval_slice_index(r->stop, &stop) < 0)
            return NULL;
        if (stop < 0) {
            stop += length;
            if (stop < lower)
                stop = lower;
        } else if (stop > upper)
            stop = upper;
    }
    rp_obj_t *a = rp_int_from_ssize(start), *b = rp_int_from_ssize(stop),
             *c = rp_int_from_ssize(step);
    rp_obj_t *t = (a && b && c) ? rp_tuple_pack(3, a, b, c) : NULL;
    rp_xdecref(a);
    rp_xdecref(b);
    rp_xdecref(c);
    return t;
}

static rp_obj_t *slice_get_start(rp_obj_t *self) { return rp_newref(SLICE(self)->start); }
static rp_obj_t *slice_get_stop(rp_obj_t *self) { return rp_newref(SLICE(self)->stop); }
static rp_obj_t *slice_get_step(rp_obj_t *self) { return rp_newref(SLICE(self)->step); }

static const rp_getset_def_t slice_getsets[] = {
    {"start", slice_get_start, NULL, NULL},
    {"stop", slice_get_stop, NULL, NULL},
    {"step", slice_get_step, NULL, NULL},
    {NULL},
};

static const rp_method_def_t slice_methods[] = {
    {"indices", slice_indices_meth, RP_METH_INSTANCE, NULL},
    {NULL},
};

rp_type_t rp_type_slice = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "slice",
    .basicsize = sizeof(rp_slice_t),
    .flags = RP_TPFLAG_GC,
    .dealloc = slice_dealloc,
    .repr = slice_repr,
    .hash = rp_obj_hash_not_implemented,
    .richcompare = slice_richcompare,
    .traverse = slice_traverse,
    .new_ = slice_new,
    .methods = slice_methods,
    .getsets = slice_getsets,
};
