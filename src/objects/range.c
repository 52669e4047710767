// range objects (arbitrary-size int bounds, O(1) len/index/contains for
// ints, slicing to ranges, CPython's hash and equality) and the
// range_iterator / longrange_iterator types.
#include <string.h>

#include "rangeobj.h"
#include "tuple.h"
#include "errors.h"
#include "str.h"
#include "int.h"
#include "args.h"
#include "contutil.h"

typedef struct {
    rp_obj_t ob;
    rp_obj_t *start, *stop, *step, *length;     // ints, never NULL
    // Fast path: every value above and start + len*step fit in int64.
    bool small;
    int64_t cstart, cstep, clen;
} rangeobj_t;

#define R(o) ((rangeobj_t *)(o))

// ---------------------------------------------------------------------
// Int helpers (new references or NULL)

static rp_obj_t *iadd(rp_obj_t *a, rp_obj_t *b) { return rp_number_binop(a, b, RP_BINOP_ADD); }
static rp_obj_t *isub(rp_obj_t *a, rp_obj_t *b) { return rp_number_binop(a, b, RP_BINOP_SUB); }
static rp_obj_t *imul(rp_obj_t *a, rp_obj_t *b) { return rp_number_binop(a, b, RP_BINOP_MUL); }
static rp_obj_t *ifloordiv(rp_obj_t *a, rp_obj_t *b)
{
    return rp_number_binop(a, b, RP_BINOP_FLOORDIV);
}

static rp_obj_t *int_zero(void) { return rp_int_from_i64(0); }
static rp_obj_t *int_one(void) { return rp_int_from_i64(1); }

// (hi - lo - 1) // step + 1 for lo < hi, else 0 (CPython's
// compute_range_length), on ints of any size.
static rp_obj_t *compute_range_length(rp_obj_t *start, rp_obj_t *stop, rp_obj_t *step)
{
    rp_obj_t *lo, *hi, *st;
    int sign = rp_int_sign(step);
    if (sign > 0) {
        lo = start;
        hi = stop;
        st = rp_newref(step);
    } else {
        lo = stop;
        hi = start;
        st = rp_number_unop(step, RP_UNOP_NEG);
        if (!st)
            return NULL;
    }
    if (rp_int_compare(lo, hi) >= 0) {
        rp_decref(st);
        return int_zero();
    }
    rp_obj_t *one = int_one();
    rp_obj_t *diff = isub(hi, lo), *t1 = NULL, *t2 = NULL, *result = NULL;
    if (diff && (t1 = isub(diff, one)) && (t2 = ifloordiv(t1, st)))
        result = iadd(t2, one);
    rp_xdecref(diff);
    rp_xdecref(t1);
    rp_xdecref(t2);
    rp_decref(one);
    rp_decref(st);
    return result;
}

static void set_fast_fields(rangeobj_t *r)
{
    r->small = false;
    if (!rp_int_is_small(r->start) || !rp_int_is_small(r->stop) || !rp_int_is_small(r->step) ||
        !rp_int_is_small(r->length))
        return;
    int64_t start = rp_int_small_value(r->start), step = rp_int_small_value(r->step),
            len = rp_int_small_value(r->length), last;
    if (__builtin_mul_overflow(len, step, &last) || __builtin_add_overflow(start, last, &last))
        return;
    r->small = true;
    r->cstart = start;
    r->cstep = step;
    r->clen = len;
}

// Takes references to start, stop and step.
static rp_obj_t *make_range_object(rp_type_t *type, rp_obj_t *start, rp_obj_t *stop,
                                   rp_obj_t *step)
{
    rp_obj_t *length = compute_range_length(start, stop, step);
    if (!length)
        goto fail;
    rangeobj_t *obj = (rangeobj_t *)rp_obj_alloc(type, sizeof(rangeobj_t));
    if (!obj) {
        rp_decref(length);
        goto fail;
    }
    obj->start = start;
    obj->stop = stop;
    obj->step = step;
    obj->length = length;
    set_fast_fields(obj);
    return RP_OBJ(obj);
fail:
    rp_decref(start);
    rp_decref(stop);
    rp_decref(step);
    return NULL;
}

static rp_obj_t *as_int(rp_obj_t *o)
{
    if (rp_int_check_exact(o))
        return rp_newref(o);
    if (!rp_contutil_is_index(o))
        return rp_err_format(&rp_exc_TypeError,
                             "'%.200s' object cannot be interpreted as an integer",
                             rp_type_name(o->type));
    return rp_number_index(o);
}

static rp_obj_t *range_tp_new(rp_type_t *type, rp_obj_t *const *args, size_t nargs,
                              rp_obj_t *kwnames)
{
    if (rp_arg_no_kw("range", kwnames) < 0)
        return NULL;
    rp_obj_t *start, *stop, *step;
    switch (nargs) {
    case 3:
    case 2:
        if (!(start = as_int(args[0])))
            return NULL;
        if (!(stop = as_int(args[1]))) {
            rp_decref(start);
            return NULL;
        }
        if (nargs == 3) {
            step = as_int(args[2]);
            if (step && rp_int_sign(step) == 0) {
                rp_decref(step);
                rp_err_set(&rp_exc_ValueError, "range() arg 3 must not be zero");
                step = NULL;
            }
            if (!step) {
                rp_decref(start);
                rp_decref(stop);
                return NULL;
            }
        } else
            step = int_one();
        break;
    case 1:
        if (!(stop = as_int(args[0])))
            return NULL;
        start = int_zero();
        step = int_one();
        break;
    case 0:
        return rp_err_format(&rp_exc_TypeError, "range expected at least 1 argument, got 0");
    default:
        return rp_err_format(&rp_exc_TypeError, "range expected at most 3 arguments, got %zu",
                             nargs);
    }
    return make_range_object(type, start, stop, step);
}

// ---------------------------------------------------------------------
// Slots

static void range_dealloc(rp_obj_t *self)
{
    rangeobj_t *r = R(self);
    rp_decref(r->start);
    rp_decref(r->stop);
    rp_decref(r->step);
    rp_decref(r->length);
    rp_obj_free(self);
}

static rp_obj_t *range_repr(rp_obj_t *self)
{
    rangeobj_t *r = R(self);
    if (rp_int_is_small(r->step) && rp_int_small_value(r->step) == 1)
        return rp_str_from_format("range(%R, %R)", r->start, r->stop);
    return rp_str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static rp_ssize_t range_length(rp_obj_t *self)
{
    rangeobj_t *r = R(self);
    if (r->small)
        return r->clen;
    if (rp_int_is_small(r->length))
        return rp_int_small_value(r->length);
    rp_err_set(&rp_exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

static int range_bool(rp_obj_t *self)
{
    return rp_int_sign(R(self)->length) != 0;
}

// start + i * step for an int i.
static rp_obj_t *compute_item(rangeobj_t *r, rp_obj_t *i)
{
    if (r->small && rp_int_is_small(i)) {
        int64_t iv = rp_int_small_value(i);
        if (iv >= 0 && iv <= r->clen)
            return rp_int_from_i64(r->cstart + iv * r->cstep);
    }
    if (rp_int_is_small(r->step) && rp_int_small_value(r->step) == 1)
        return iadd(r->start, i);
    rp_obj_t *incr = imul(i, r->step);
    if (!incr)
        return NULL;
    rp_obj_t *result = iadd(r->start, incr);
    rp_decref(incr);
    return result;
}

static rp_obj_t *compute_range_item(rangeobj_t *r, rp_obj_t *arg)
{
    rp_obj_t *i;
    if (rp_int_sign(arg) < 0) {
        if (!(i = iadd(r->length, arg)))
            return NULL;
    } else
        i = rp_newref(arg);
    if (rp_int_sign(i) < 0 || rp_int_compare(i, r->length) >= 0) {
        rp_decref(i);
        return rp_err_format(&rp_exc_IndexError, "range object index out of range");
    }
    rp_obj_t *result = compute_item(r, i);
    rp_decref(i);
    return result;
}

// A slice bound as an int (None handled by the caller).
static rp_obj_t *slice_index(rp_obj_t *v)
{
    if (!rp_contutil_is_index(v))
        return rp_err_format(&rp_exc_TypeError,
                             "slice indices must be integers or None or have an __index__ method");
    return rp_number_index(v);
}

// Clamps x (taken) to [lower, upper] (borrowed) after adding length if
// negative.
static rp_obj_t *clamp_bound(rp_obj_t *x, rp_obj_t *length, rp_obj_t *lower, rp_obj_t *upper)
{
    if (rp_int_sign(x) < 0) {
        rp_obj_t *t = iadd(x, length);
        rp_decref(x);
        if (!t)
            return NULL;
        x = t;
        if (rp_int_compare(x, lower) < 0) {
            rp_decref(x);
            return rp_newref(lower);
        }
    } else if (rp_int_compare(x, upper) > 0) {
        rp_decref(x);
        return rp_newref(upper);
    }
    return x;
}

static rp_obj_t *compute_slice(rangeobj_t *r, rp_obj_t *slice)
{
    rp_slice_t *s = (rp_slice_t *)slice;
    rp_obj_t *step = NULL, *lower = NULL, *upper = NULL, *start = NULL, *stop = NULL;
    rp_obj_t *result = NULL;
    if (s->step == rp_None)
        step = int_one();
    else {
        if (!(step = slice_index(s->step)))
            return NULL;
        if (rp_int_sign(step) == 0) {
            rp_decref(step);
            return rp_err_format(&rp_exc_ValueError, "slice step cannot be zero");
        }
    }
    bool neg = rp_int_sign(step) < 0;
    if (neg) {
        lower = rp_int_from_i64(-1);
        upper = lower ? iadd(r->length, lower) : NULL;
    } else {
        lower = int_zero();
        upper = rp_newref(r->length);
    }
    if (!lower || !upper)
        goto done;
    if (s->start == rp_None)
        start = rp_newref(neg ? upper : lower);
    else if ((start = slice_index(s->start)))
        start = clamp_bound(start, r->length, lower, upper);
    if (!start)
        goto done;
    if (s->stop == rp_None)
        stop = rp_newref(neg ? lower : upper);
    else if ((stop = slice_index(s->stop)))
        stop = clamp_bound(stop, r->length, lower, upper);
    if (!stop)
        goto done;
    rp_obj_t *substep = imul(r->step, step);
    rp_obj_t *substart = substep ? compute_item(r, start) : NULL;
    rp_obj_t *substop = substart ? compute_item(r, stop) : NULL;
    if (!substop) {
        rp_xdecref(substep);
        rp_xdecref(substart);
        goto done;
    }
    result = make_range_object(RP_OBJ(r)->type, substart, substop, substep);
done:
    rp_xdecref(step);
    rp_xdecref(lower);
    rp_xdecref(upper);
    rp_xdecref(start);
    rp_xdecref(stop);
    return result;
}

static rp_obj_t *range_subscript(rp_obj_t *self, rp_obj_t *item)
{
    rangeobj_t *r = R(self);
    if (r->small && rp_int_check(item) && rp_int_is_small(item)) {
        int64_t i = rp_int_small_value(item);
        if (i < 0)
            i += r->clen;
        if (i < 0 || i >= r->clen)
            return rp_err_format(&rp_exc_IndexError, "range object index out of range");
        return rp_int_from_i64(r->cstart + i * r->cstep);
    }
    if (rp_contutil_is_index(item)) {
        rp_obj_t *i = rp_number_index(item);
        if (!i)
            return NULL;
        rp_obj_t *result = compute_range_item(r, i);
        rp_decref(i);
        return result;
    }
    if (rp_slice_check(item))
        return compute_slice(r, item);
    return rp_err_format(&rp_exc_TypeError, "range indices must be integers or slices, not %.200s",
                         rp_type_name(item->type));
}

// ob (an int) in r: 1/0/-1.
static int range_contains_long(rangeobj_t *r, rp_obj_t *ob)
{
    if (r->small && rp_int_is_small(ob)) {
        int64_t v = rp_int_small_value(ob);
        if (r->clen == 0)
            return 0;
        int64_t last = r->cstart + (r->clen - 1) * r->cstep;
        if (r->cstep > 0) {
            if (v < r->cstart || v > last)
                return 0;
        } else if (v > r->cstart || v < last)
            return 0;
        return (v - r->cstart) % r->cstep == 0;
    }
    int cmp1, cmp2;
    if (rp_int_sign(r->step) > 0) {
        cmp1 = rp_int_compare(r->start, ob) <= 0;
        cmp2 = rp_int_compare(ob, r->stop) < 0;
    } else {
        cmp1 = rp_int_compare(ob, r->start) <= 0;
        cmp2 = rp_int_compare(r->stop, ob) < 0;
    }
    if (!cmp1 || !cmp2)
        return 0;
    rp_obj_t *tmp1 = isub(ob, r->start);
    if (!tmp1)
        return -1;
    rp_obj_t *tmp2 = rp_number_binop(tmp1, r->step, RP_BINOP_MOD);
    rp_decref(tmp1);
    if (!tmp2)
        return -1;
    int result = rp_int_sign(tmp2) == 0;
    rp_decref(tmp2);
    return result;
}

// Linear search by iteration (non-int values): the index of the first
// item == ob, -1 when absent, -2 on error.
static rp_ssize_t iter_search(rp_obj_t *self, rp_obj_t *ob, rp_ssize_t *count)
{
    rp_obj_t *it = rp_obj_iter(self);
    if (!it)
        return -2;
    rp_ssize_t i = 0, found = -1;
    if (count)
        *count = 0;
    rp_obj_t *item;
    while ((item = rp_iter_next(it)) != NULL) {
        int cmp = rp_obj_richcompare_bool(item, ob, RP_EQ);
        rp_decref(item);
        if (cmp < 0) {
            rp_decref(it);
            return -2;
        }
        if (cmp) {
            if (!count) {
                found = i;
                break;
            }
            (*count)++;
        }
        i++;
    }
    rp_decref(it);
    if (rp_err_occurred())
        return -2;
    return found;
}

static int range_contains(rp_obj_t *self, rp_obj_t *ob)
{
    if (rp_int_check_exact(ob) || ob->type == &rp_type_bool)
        return range_contains_long(R(self), ob);
    rp_ssize_t r = iter_search(self, ob, NULL);
    return r == -2 ? -1 : r >= 0;
}

static int range_equals(rangeobj_t *r0, rangeobj_t *r1)
{
    if (r0 == r1)
        return 1;
    if (rp_int_compare(r0->length, r1->length) != 0)
        return 0;
    if (rp_int_sign(r0->length) == 0)
        return 1;
    if (rp_int_compare(r0->start, r1->start) != 0)
        return 0;
    if (rp_int_is_small(r0->length) && rp_int_small_value(r0->length) == 1)
        return 1;
    return rp_int_compare(r0->step, r1->step) == 0;
}

static rp_obj_t *range_richcompare(rp_obj_t *self, rp_obj_t *other, int op)
{
    if (!rp_obj_is_instance_of(other, &rp_type_range) || (op != RP_EQ && op != RP_NE))
        return rp_newref(rp_NotImplemented);
    int r = range_equals(R(self), R(other));
    return rp_bool_from((r != 0) == (op == RP_EQ));
}

static rp_hash_t range_hash(rp_obj_t *self)
{
    rangeobj_t *r = R(self);
    rp_obj_t *t;
    if (rp_int_sign(r->length) == 0)
        t = rp_tuple_pack(3, r->length, rp_None, rp_None);
    else if (rp_int_is_small(r->length) && rp_int_small_value(r->length) == 1)
        t = rp_tuple_pack(3, r->length, r->start, rp_None);
    else
        t = rp_tuple_pack(3, r->length, r->start, r->step);
    if (!t)
        return -1;
    rp_hash_t h = rp_obj_hash(t);
    rp_decref(t);
    return h;
}

// ---------------------------------------------------------------------
// Iterators

static rp_obj_t *fast_range_iter(int64_t start, int64_t step, int64_t len)
{
    rp_range_iter_t *it = (rp_range_iter_t *)rp_obj_alloc(&rp_type_range_iter,
                                                           sizeof(rp_range_iter_t));
    if (!it)
        return NULL;
    it->start = start;
    it->step = step;
    it->len = len;
    return RP_OBJ(it);
}

typedef struct {
    rp_obj_t ob;
    rp_obj_t *start, *step, *len;
} longrangeiter_t;

static rp_obj_t *long_range_iter(rp_obj_t *start_take, rp_obj_t *step_take, rp_obj_t *len_take)
{
    longrangeiter_t *it = (longrangeiter_t *)rp_obj_alloc(&rp_type_longrange_iter,
                                                           sizeof(longrangeiter_t));
    if (!it) {
        rp_decref(start_take);
        rp_decref(step_take);
        rp_decref(len_take);
        return NULL;
    }
    it->start = start_take;
    it->step = step_take;
    it->len = len_take;
    return RP_OBJ(it);
}

static rp_obj_t *range_iter(rp_obj_t *self)
{
    rangeobj_t *r = R(self);
    if (r->small && rp_int_is_small(r->stop)) {
        // The C iterator is used when start + len*step cannot overflow
        // (set_fast_fields checked it).
        return fast_range_iter(r->cstart, r->cstep, r->clen);
    }
    return long_range_iter(rp_newref(r->start), rp_newref(r->step), rp_newref(r->length));
}

static rp_obj_t *range_reversed_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                     rp_obj_t *kwnames)
{
    if (rp_contutil_noargs("range.__reversed__", nargs, kwnames) < 0)
        return NULL;
    rangeobj_t *r = R(self);
    if (r->small && r->cstep != INT64_MIN) {
        int64_t new_stop, new_start;
        if (!__builtin_sub_overflow(r->cstart, r->cstep, &new_stop)) {
            new_start = new_stop + r->clen * r->cstep;
            return fast_range_iter(new_start, -r->cstep, r->clen);
        }
    }
    // start + (len - 1) * step, stepping by -step.
    rp_obj_t *one = int_one();
    rp_obj_t *diff = isub(r->length, one);
    rp_decref(one);
    if (!diff)
        return NULL;
    rp_obj_t *product = imul(diff, r->step);
    rp_decref(diff);
    if (!product)
        return NULL;
    rp_obj_t *sum = iadd(r->start, product);
    rp_decref(product);
    if (!sum)
        return NULL;
    rp_obj_t *neg = rp_number_unop(r->step, RP_UNOP_NEG);
    if (!neg) {
        rp_decref(sum);
        return NULL;
    }
    return long_range_iter(sum, neg, rp_newref(r->length));
}

static rp_obj_t *iter_self(rp_obj_t *self)
{
    return rp_newref(self);
}

static rp_obj_t *rangeiter_next(rp_obj_t *self)
{
    rp_range_iter_t *r = (rp_range_iter_t *)self;
    if (r->len > 0) {
        // Loops in C over a range (sum, `in`, max) stay interruptible.
        if ((r->len & 0xFFFF) == 0 && rp_err_poll_signals() < 0)
            return NULL;
        int64_t result = r->start;
        r->start = (int64_t)((uint64_t)result + (uint64_t)r->step);
        r->len--;
        return rp_int_from_i64(result);
    }
    return NULL;
}

static rp_obj_t *rangeiter_len_hint(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                    rp_obj_t *kwnames)
{
    return rp_int_from_i64(((rp_range_iter_t *)self)->len);
}

static const rp_method_def_t rangeiter_methods[] = {
    {"__length_hint__", rangeiter_len_hint, RP_METH_INSTANCE, NULL},
    {NULL},
};

rp_type_t rp_type_range_iter = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "range_iterator",
    .basicsize = sizeof(rp_range_iter_t),
    .dealloc = (rp_destructor)rp_obj_free,
    .iter = iter_self,
    .next = rangeiter_next,
    .methods = rangeiter_methods,
};

static void longrangeiter_dealloc(rp_obj_t *self)
{
    longrangeiter_t *r = (longrangeiter_t *)self;
    rp_decref(r->start);
    rp_decref(r->step);
    rp_decref(r->len);
    rp_obj_free(self);
}

static rp_obj_t *longrangeiter_next(rp_obj_t *self)
{
    longrangeiter_t *r = (longrangeiter_t *)self;
    if (rp_int_sign(r->len) <= 0)
        return NULL;
    static unsigned polls;      // (the object keeps CPython's size)
    if (++polls % 0x10000 == 0 && rp_err_poll_signals() < 0)
        return NULL;
    rp_obj_t *new_start = iadd(r->start, r->step);
    if (!new_start)
        return NULL;
    rp_obj_t *one = int_one();
    rp_obj_t *new_len = isub(r->len, one);
    rp_decref(one);
    if (!new_len) {
        rp_decref(new_start);
        return NULL;
    }
    rp_obj_t *result = r->start;
    r->start = new_start;
    rp_setref(&r->len, new_len);
    return result;
}

static rp_obj_t *longrangeiter_len_hint(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                        rp_obj_t *kwnames)
{
    return rp_newref(((longrangeiter_t *)self)->len);
}

static const rp_method_def_t longrangeiter_methods[] = {
    {"__length_hint__", longrangeiter_len_hint, RP_METH_INSTANCE, NULL},
    {NULL},
};

rp_type_t rp_type_longrange_iter = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "longrange_iterator",
    .basicsize = sizeof(longrangeiter_t),
    .dealloc = longrangeiter_dealloc,
    .iter = iter_self,
    .next = longrangeiter_next,
    .methods = longrangeiter_methods,
};

// ---------------------------------------------------------------------
// Methods and type

static rp_obj_t *range_count_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    if (rp_contutil_onearg("range.count", nargs, kwnames) < 0)
        return NULL;
    rp_obj_t *ob = args[0];
    if (rp_int_check_exact(ob) || ob->type == &rp_type_bool) {
        int result = range_contains_long(R(self), ob);
        return result < 0 ? NULL : rp_int_from_i64(result);
    }
    rp_ssize_t count;
    if (iter_search(self, ob, &count) == -2)
        return NULL;
    return rp_int_from_ssize(count);
}

static rp_obj_t *range_index_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                  rp_obj_t *kwnames)
{
    if (rp_contutil_onearg("range.index", nargs, kwnames) < 0)
        return NULL;
    rp_obj_t *ob = args[0];
    rangeobj_t *r = R(self);
    if (!rp_int_check_exact(ob) && ob->type != &rp_type_bool) {
        rp_ssize_t idx = iter_search(self, ob, NULL);
        if (idx == -2)
            return NULL;
        if (idx == -1)
            return rp_err_format(&rp_exc_ValueError, "sequence.index(x): x not in sequence");
        return rp_int_from_ssize(idx);
    }
    int contains = range_contains_long(r, ob);
    if (contains < 0)
        return NULL;
    if (contains) {
        rp_obj_t *idx = isub(ob, r->start);
        if (!idx)
            return NULL;
        rp_obj_t *sidx = ifloordiv(idx, r->step);
        rp_decref(idx);
        return sidx;
    }
    return rp_err_format(&rp_exc_ValueError, "%R is not in range", ob);
}

static rp_obj_t *range_sizeof_meth(rp_obj_t *self, rp_obj_t *const *args, size_t nargs,
                                   rp_obj_t *kwnames)
{
    // CPython's range holds exactly the four int fields.
    return rp_int_from_i64(48);
}

static rp_obj_t *range_get_start(rp_obj_t *self) { return rp_newref(R(self)->start); }
static rp_obj_t *range_get_stop(rp_obj_t *self) { return rp_newref(R(self)->stop); }
static rp_obj_t *range_get_step(rp_obj_t *self) { return rp_newref(R(self)->step); }

static const rp_getset_def_t range_getsets[] = {
    {"start", range_get_start, NULL, NULL},
    {"stop", range_get_stop, NULL, NULL},
    {"step", range_get_step, NULL, NULL},
    {NULL},
};

static const rp_method_def_t range_methods[] = {
    {"__reversed__", range_reversed_meth, RP_METH_INSTANCE, NULL},
    {"__sizeof__", range_sizeof_meth, RP_METH_INSTANCE, NULL},
    {"count", range_count_meth, RP_METH_INSTANCE, NULL},
    {"index", range_index_meth, RP_METH_INSTANCE, NULL},
    {NULL},
};

rp_type_t rp_type_range = {
    .ob = RP_STATIC_HEAD(rp_type_type),
    .name = "range",
    .basicsize = sizeof(rangeobj_t),
    .dealloc = range_dealloc,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .bool_ = range_bool,
    .len = range_length,
    .getitem = range_subscript,
    .contains = range_contains,
    .iter = range_iter,
    .new_ = range_tp_new,
    .methods = range_methods,
    .getsets = range_getsets,
};
